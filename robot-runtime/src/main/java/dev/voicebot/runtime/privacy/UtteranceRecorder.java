package dev.voicebot.runtime.privacy;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.PrivacyConfig;
import dev.voicebot.speech.audio.WavWriter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in debug recording of what the robot heard ({@code privacy.recordAudio}, off by default):
 * each utterance as a 16 kHz mono 16-bit WAV file in {@code <data>/recordings/}, bounded by
 * {@code privacy.recordings} (age and total size), enforced after every recording and by the sweep.
 * When recording is off, {@link #record} does nothing at all: no directory, no file, no temporary file.
 */
public final class UtteranceRecorder implements RetentionSweeper.Sweepable {
    private static final Logger log = LoggerFactory.getLogger(UtteranceRecorder.class);
    public static final String DIRECTORY = "recordings";
    public static final int SAMPLE_RATE = 16_000;
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final boolean enabled;
    private final Path dir;
    private final DirectoryCreator creator;
    private final FileRetention retention;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    private UtteranceRecorder(boolean enabled, Path dir, DirectoryCreator creator, FileRetention retention, Clock clock) {
        this.enabled = enabled;
        this.dir = dir;
        this.creator = creator;
        this.retention = retention;
        this.clock = clock;
    }

    /** A recorder as {@code privacy} says: recording only if {@code recordAudio} is true. */
    public static UtteranceRecorder of(PrivacyConfig privacy, Path recordingsDir, DirectoryCreator creator, Clock clock) {
        ensureNotNull(privacy, "privacy");
        return new UtteranceRecorder(privacy.recordAudio(), ensureNotNull(recordingsDir, "recordingsDir"),
                ensureNotNull(creator, "creator"), FileRetention.of(privacy.recordings()), ensureNotNull(clock, "clock"));
    }

    /** A recorder that never records. */
    public static UtteranceRecorder off() {
        return new UtteranceRecorder(false, null, null, null, Clock.systemUTC());
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Keeps {@code samples16k} (16 kHz mono, -1..1) as a WAV file if recording is on; returns the file.
     * {@code language} (may be null) becomes part of the name. Never throws: a failure is logged.
     */
    public synchronized Optional<Path> record(float[] samples16k, String language) {
        if (!enabled || samples16k == null || samples16k.length == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String lang = language != null && language.matches("[a-z]{2,3}") ? "-" + language : "";
        String name = "utterance-" + NAME_TIME.format(now) + "-" + sequence.incrementAndGet() + lang + ".wav";
        Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                creator.create(dir);
            }
            Path target = dir.resolve(name);
            tmp = dir.resolve("." + name + ".part");
            WavWriter.writePcm16(tmp, samples16k, SAMPLE_RATE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            enforce(now, Set.of(target));
            return Files.exists(target) ? Optional.of(target) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            log.error("utterance recording {} not written in {}", name, dir, e);
            return Optional.empty();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.warn("could not delete the partial recording {}", tmp, e);
                }
            }
        }
    }

    /** Applies the retention limits; also runs when recording is off, so turning it off does not keep old audio forever. */
    @Override
    public synchronized void sweep() throws IOException {
        if (dir != null) {
            enforce(clock.instant(), Set.of());
        }
    }

    private void enforce(Instant now, Set<Path> keep) throws IOException {
        List<Path> deleted = retention.enforce(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith("utterance-") && n.endsWith(".wav") || n.startsWith(".utterance-") && n.endsWith(".wav.part");
        }, now, keep);
        if (!deleted.isEmpty()) {
            log.info("retention: deleted {} old recording(s) in {}", deleted.size(), dir);
        }
    }

    @Override
    public String toString() {
        return "UtteranceRecorder[" + (enabled ? dir : "off") + "]";
    }
}
