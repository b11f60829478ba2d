package dev.voicebot.speech.asr;

import io.github.givimad.whisperjni.WhisperJNI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives whisper.cpp's log through whisper-jni's process-wide logger hook and sends it to SLF4J
 * (logger {@code dev.voicebot.speech.asr.whisper}), so nothing is printed to stdout/stderr.
 *
 * <p>whisper-jni 1.7.1 has no getter for the detected language: it only appears in the log line
 * {@code whisper_full_with_state: auto-detected language: ko (p = 0.973)}. whisper.cpp logs it on
 * the thread that called {@code full}, and the JNI bridge calls back on that same thread, so each
 * decoding thread opens a {@link Capture} and gets exactly its own lines, even with several workers
 * decoding at once. The hook is global to the JVM (one per process, by whisper-jni's design), so it
 * is installed once; nothing else in this project sets it.
 */
final class WhisperLogRouter {
    private static final Logger NATIVE = LoggerFactory.getLogger("dev.voicebot.speech.asr.whisper");
    private static final Pattern DETECTED = Pattern.compile("auto-detected language: ([a-z]{2,3}) \\(p = ([0-9]*\\.?[0-9]+)\\)");
    private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();
    private static final ThreadLocal<StringBuilder> PARTIAL = ThreadLocal.withInitial(StringBuilder::new);
    private static boolean installed;

    private WhisperLogRouter() {
    }

    /** Installs the hook; call after the native library is loaded. Idempotent. */
    static synchronized void install() {
        if (!installed) {
            WhisperJNI.setLibraryLogger(WhisperLogRouter::onText);
            installed = true;
        }
    }

    /** Starts collecting this thread's whisper.cpp log lines; close to stop. */
    static Capture capture() {
        Capture c = new Capture();
        CAPTURE.set(c);
        return c;
    }

    private static void onText(String text) {
        if (text == null) {
            return;
        }
        StringBuilder partial = PARTIAL.get();
        partial.append(text);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl).stripTrailing();
            partial.delete(0, nl + 1);
            if (!line.isEmpty()) {
                onLine(line);
            }
        }
        if (partial.length() > 4096) {
            onLine(partial.toString());
            partial.setLength(0);
        }
    }

    private static void onLine(String line) {
        Capture c = CAPTURE.get();
        if (c != null) {
            c.lines.add(line);
        }
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("error") || lower.contains("failed") || lower.contains("invalid")) {
            NATIVE.warn("{}", line);
        } else {
            NATIVE.debug("{}", line);
        }
    }

    /** The detected language in a log line, if it is one. */
    static Optional<Detected> parseDetected(String line) {
        Matcher m = DETECTED.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new Detected(m.group(1), Double.parseDouble(m.group(2))));
    }

    record Detected(String language, double probability) {
    }

    /** The whisper.cpp log lines of one native call on this thread. */
    static final class Capture implements AutoCloseable {
        private final List<String> lines = new ArrayList<>();

        List<String> lines() {
            return List.copyOf(lines);
        }

        /** The last auto-detected language line, if any. */
        Optional<Detected> detected() {
            Optional<Detected> found = Optional.empty();
            for (String l : lines) {
                Optional<Detected> d = parseDetected(l);
                if (d.isPresent()) {
                    found = d;
                }
            }
            return found;
        }

        /** The last line that reports an error, for exception messages. */
        Optional<String> lastError() {
            for (int i = lines.size() - 1; i >= 0; i--) {
                String l = lines.get(i).toLowerCase(java.util.Locale.ROOT);
                if (l.contains("error") || l.contains("failed") || l.contains("invalid")) {
                    return Optional.of(lines.get(i));
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            CAPTURE.remove();
        }
    }
}
