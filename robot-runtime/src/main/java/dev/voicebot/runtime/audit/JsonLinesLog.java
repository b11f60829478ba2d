package dev.voicebot.runtime.audit;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import dev.voicebot.runtime.privacy.FileRetention;
import dev.voicebot.runtime.privacy.RetentionSweeper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only log of JSON objects, one per line, in files {@code <prefix>-<UTC time>.jsonl} of one
 * directory. Each record goes to the operating system in one unbuffered write as soon as it is
 * appended, so a process killed with {@code kill -9} loses at most the record being written (the
 * reader drops that partial last line). Every run starts a new file, so a partial line left by a
 * crash is never glued to a new record. A new file also starts beyond {@code maxFileBytes} and after
 * a slice of {@code maxAge} (an eighth, at most a day), so that whole files expire close to when
 * their records do. Retention runs at {@link #sweep()}. Thread-safe. Nothing is created on disk
 * before the first record.
 */
public final class JsonLinesLog implements AutoCloseable, RetentionSweeper.Sweepable {
    private static final Logger log = LoggerFactory.getLogger(JsonLinesLog.class);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    public static final String SUFFIX = ".jsonl";

    private final Path dir;
    private final String prefix;
    private final long maxFileBytes;
    private final FileRetention retention;
    private final Duration rollEvery;
    private final Clock clock;
    private final ObjectMapper json = WireJson.newMapper();
    private FileChannel channel;
    private Path active;
    private Instant activeStart;
    private long activeSize;
    private boolean closed;

    private final DirectoryCreator creator;

    public JsonLinesLog(Path dir, String prefix, long maxFileBytes, FileRetention retention, Clock clock) {
        this(dir, DirectoryCreator.plain(), prefix, maxFileBytes, retention, clock);
    }

    public JsonLinesLog(Path dir, DirectoryCreator creator, String prefix, long maxFileBytes, FileRetention retention, Clock clock) {
        this.dir = ensureNotNull(dir, "dir");
        this.creator = ensureNotNull(creator, "creator");
        this.prefix = ensureNotBlank(prefix, "prefix");
        if (!prefix.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("prefix must be lower-case letters, digits and dashes: " + prefix);
        }
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1024: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
        this.retention = ensureNotNull(retention, "retention");
        this.clock = ensureNotNull(clock, "clock");
        Duration slice = retention.maxAge().dividedBy(8);
        this.rollEvery = slice.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : slice.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : slice;
    }

    public Path directory() {
        return dir;
    }

    public String prefix() {
        return prefix;
    }

    /** Serialises {@code record} as one JSON line and appends it. */
    public void append(Object record) throws IOException {
        String line;
        try {
            line = json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record not serialisable as JSON: " + record.getClass().getName(), e);
        }
        appendLine(line);
    }

    /** Appends one JSON text (it must not contain a line break) followed by a line break. */
    public synchronized void appendLine(String jsonLine) throws IOException {
        ensureNotNull(jsonLine, "jsonLine");
        if (jsonLine.indexOf('\n') >= 0 || jsonLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a JSON line must not contain a line break");
        }
        if (closed) {
            throw new IOException("log " + dir.resolve(prefix + "-*" + SUFFIX) + " is closed");
        }
        byte[] bytes = (jsonLine + "\n").getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        if (channel != null && (activeSize > 0 && activeSize + bytes.length > maxFileBytes
                || !now.isBefore(activeStart.plus(rollEvery)))) {
            closeActive();
        }
        if (channel == null) {
            openNew(now);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        activeSize += bytes.length;
    }

    private void openNew(Instant now) throws IOException {
        if (!Files.isDirectory(dir)) {
            creator.create(dir);
        }
        Instant t = now;
        while (true) {
            Path file = dir.resolve(prefix + "-" + NAME_TIME.format(t) + SUFFIX);
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                active = file;
                activeStart = now;
                activeSize = 0;
                return;
            } catch (FileAlreadyExistsException taken) {
                t = t.plusMillis(1);
            }
        }
    }

    private void closeActive() throws IOException {
        FileChannel c = channel;
        channel = null;
        active = null;
        if (c != null) {
            c.close();
        }
    }

    /** The files of this log, oldest first. */
    public List<Path> files() throws IOException {
        return JsonLinesReader.files(dir, prefix);
    }

    /** Deletes records past the retention limits, whole files at a time; the file being written only once it has expired. */
    @Override
    public synchronized void sweep() throws IOException {
        Instant now = clock.instant();
        if (active != null && Files.getLastModifiedTime(active).toInstant().isBefore(now.minus(retention.maxAge()))) {
            closeActive();
        }
        List<Path> deleted = retention.enforce(dir, JsonLinesReader.matcher(prefix), now, active == null ? Set.of() : Set.of(active));
        if (!deleted.isEmpty()) {
            log.info("retention: deleted {} old file(s) of {} in {}", deleted.size(), prefix, dir);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeActive();
        } catch (IOException e) {
            log.warn("closing {} failed", active, e);
        }
    }

    @Override
    public String toString() {
        return "JsonLinesLog[" + dir.resolve(prefix + "-*" + SUFFIX) + "]";
    }
}
