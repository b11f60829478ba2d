package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a catalogue model into a {@link ModelStore}: into {@code FILE.part}, resuming an earlier
 * partial file with an HTTP Range request, then checks format, size and checksum and moves the file
 * to its name atomically. A transfer that breaks off keeps the partial file for the next attempt; a
 * file that fails its checks is deleted. This is the only place the runtime opens a connection to the
 * internet, and only when a person runs {@code robot models pull}.
 */
public final class ModelDownloader {
    private static final Logger log = LoggerFactory.getLogger(ModelDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String userAgent;

    /**
     * @param connectTimeout how long to wait for the server to accept the connection
     * @param readTimeout how long the transfer may stall (no byte arriving) before it counts as broken off
     */
    public ModelDownloader(Duration connectTimeout, Duration readTimeout, String userAgent) {
        this.connectTimeout = ensureNotNull(connectTimeout, "connectTimeout");
        this.readTimeout = ensureNotNull(readTimeout, "readTimeout");
        this.userAgent = ensureNotNull(userAgent, "userAgent");
    }

    /** Gives up connecting after 15 s and on a transfer that stalls for 60 s; follows redirects (hubs redirect to their CDN). */
    public static ModelDownloader standard(String userAgent) {
        return new ModelDownloader(Duration.ofSeconds(15), Duration.ofSeconds(60), userAgent);
    }

    /**
     * Makes sure {@code entry} is in {@code store}, downloading what is missing. An installed file
     * that passes its checks is left alone; one that fails them is downloaded again.
     */
    public PullResult pull(CatalogueEntry entry, ModelStore store, DownloadListener listener) throws DownloadException, IOException {
        ensureNotNull(entry, "entry");
        ensureNotNull(store, "store");
        ensureNotNull(listener, "listener");
        Path target = store.path(entry);
        if (Files.isRegularFile(target)) {
            listener.note("checking the installed " + target);
            VerifyOutcome present = ModelVerifier.verify(entry, target, b -> { });
            if (present.acceptable()) {
                return new PullResult(entry, target, present, false, 0);
            }
            listener.note("the installed file is not right (" + present.describe() + "); downloading it again");
        }
        store.ensureCreated();
        Path part = store.partial(entry);
        long resumedFrom = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (entry.sizeBytes() != null && resumedFrom > entry.sizeBytes()) {
            Files.delete(part);
            resumedFrom = 0;
        }
        if (entry.sizeBytes() == null || resumedFrom < entry.sizeBytes()) {
            resumedFrom = transfer(entry, part, resumedFrom, listener);
        } else {
            listener.note("the earlier download is complete; checking it");
        }
        listener.note("verifying " + part.getFileName());
        VerifyOutcome outcome = ModelVerifier.verify(entry, part, b -> { });
        if (outcome instanceof VerifyOutcome.WrongSize w && w.actual() < w.expected()) {
            throw new DownloadException("the download of " + entry.name() + " ended early at " + w.actual() + " of " + w.expected()
                    + " bytes; the partial file " + part + " is kept: run the same command again to resume", true, null);
        }
        if (!outcome.acceptable()) {
            Files.deleteIfExists(part);
            throw new DownloadException("the download of " + entry.name() + " is not right: " + outcome.describe()
                    + "; the partial file was deleted. Try again; if it happens again, the source (" + entry.url() + ") has changed", false, null);
        }
        moveIntoPlace(part, target);
        VerifyOutcome placed = outcome;
        if (outcome instanceof VerifyOutcome.Verified v) {
            placed = new VerifyOutcome.Verified(target, v.checksum());
        } else if (outcome instanceof VerifyOutcome.NoPublishedChecksum n) {
            placed = new VerifyOutcome.NoPublishedChecksum(target, n.sha256());
        }
        return new PullResult(entry, target, placed, true, resumedFrom);
    }

    /** Appends the rest of the file to {@code part}; returns the offset the transfer resumed from. */
    private long transfer(CatalogueEntry entry, Path part, long have, DownloadListener listener) throws DownloadException, IOException {
        HttpURLConnection http;
        int status;
        try {
            URLConnection c = entry.url().toURL().openConnection();
            if (!(c instanceof HttpURLConnection h)) {
                throw new DownloadException("not an HTTP URL: " + entry.url(), true, null);
            }
            http = h;
            http.setInstanceFollowRedirects(true);
            http.setConnectTimeout((int) connectTimeout.toMillis());
            http.setReadTimeout((int) readTimeout.toMillis());
            http.setUseCaches(false);
            http.setRequestProperty("User-Agent", userAgent);
            http.setRequestProperty("Accept-Encoding", "identity");
            if (have > 0) {
                http.setRequestProperty("Range", "bytes=" + have + "-");
            }
            status = http.getResponseCode();
        } catch (IOException e) {
            throw new DownloadException("cannot reach " + host(entry.url()) + " for " + entry.name() + ": " + e
                    + (have > 0 ? "; the partial file is kept for the next attempt" : ""), true, e);
        }
        try {
            long start;
            boolean append;
            if (status == 206 && have > 0) {
                start = rangeStart(http.getHeaderField("Content-Range")).orElse(-1);
                if (start != have) {
                    throw new DownloadException("the server answered the resume request of " + entry.name() + " with the wrong range ("
                            + http.getHeaderField("Content-Range") + ")", true, null);
                }
                append = true;
                listener.note("resuming at " + have + " bytes");
            } else if (status == 200) {
                if (have > 0) {
                    listener.note("the server cannot resume; starting over");
                }
                start = 0;
                append = false;
            } else if (status == 416 && have > 0) {
                listener.note("the earlier download is complete; checking it");
                return have;
            } else {
                throw new DownloadException("the server answered HTTP " + status + " for " + entry.url(), true, null);
            }
            long length = http.getContentLengthLong();
            OptionalLong total = length >= 0 ? OptionalLong.of(start + length)
                    : entry.sizeBytes() == null ? OptionalLong.empty() : OptionalLong.of(entry.sizeBytes());
            listener.started(entry, start, total);
            long written = start;
            try (InputStream in = http.getInputStream();
                 OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    written += n;
                    listener.progress(written);
                }
            } catch (IOException e) {
                listener.finished();
                log.debug("download of {} broke off at {} bytes", entry.name(), written, e);
                throw new DownloadException("the download of " + entry.name() + " broke off at " + written + " bytes (" + e
                        + "); the partial file " + part + " is kept: run the same command again to resume", true, e);
            }
            listener.finished();
            if (total.isPresent() && written < total.getAsLong()) {
                throw new DownloadException("the download of " + entry.name() + " broke off at " + written + " of " + total.getAsLong()
                        + " bytes; the partial file " + part + " is kept: run the same command again to resume", true, null);
            }
            return start;
        } finally {
            http.disconnect();
        }
    }

    private static OptionalLong rangeStart(String contentRange) {
        if (contentRange == null) {
            return OptionalLong.empty();
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? uri.toString() : uri.getHost();
    }
}
