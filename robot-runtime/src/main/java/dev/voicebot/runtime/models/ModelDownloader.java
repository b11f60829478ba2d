package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient client;
    private final Duration responseTimeout;
    private final String userAgent;

    public ModelDownloader(HttpClient client, Duration responseTimeout, String userAgent) {
        this.client = ensureNotNull(client, "client");
        this.responseTimeout = ensureNotNull(responseTimeout, "responseTimeout");
        this.userAgent = ensureNotNull(userAgent, "userAgent");
    }

    /** A client that follows redirects (model hubs redirect to their CDN) and gives up connecting after 15 s. */
    public static ModelDownloader standard(String userAgent) {
        return new ModelDownloader(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build(), Duration.ofSeconds(60), userAgent);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(entry.url())
                .timeout(responseTimeout)
                .header("User-Agent", userAgent)
                .GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted while connecting to " + host(entry.url()), true, e);
        } catch (IOException e) {
            throw new DownloadException("cannot reach " + host(entry.url()) + " for " + entry.name() + ": " + e
                    + (have > 0 ? "; the partial file is kept for the next attempt" : ""), true, e);
        }
        int status = response.statusCode();
        long start;
        boolean append;
        if (status == 206 && have > 0) {
            start = rangeStart(response).orElse(-1);
            if (start != have) {
                response.body().close();
                throw new DownloadException("the server answered the resume request of " + entry.name() + " with the wrong range ("
                        + response.headers().firstValue("Content-Range").orElse("none") + ")", true, null);
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
            response.body().close();
            listener.note("the earlier download is complete; checking it");
            return have;
        } else {
            response.body().close();
            throw new DownloadException("the server answered HTTP " + status + " for " + entry.url(), true, null);
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        OptionalLong total = length.isPresent() ? OptionalLong.of(start + length.getAsLong())
                : entry.sizeBytes() == null ? OptionalLong.empty() : OptionalLong.of(entry.sizeBytes());
        listener.started(entry, start, total);
        long written = start;
        try (InputStream in = response.body();
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
        return start;
    }

    private static OptionalLong rangeStart(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Range").map(CONTENT_RANGE::matcher).filter(Matcher::matches)
                .map(m -> OptionalLong.of(Long.parseLong(m.group(1)))).orElse(OptionalLong.empty());
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
