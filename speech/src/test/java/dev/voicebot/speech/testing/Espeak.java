package dev.voicebot.speech.testing;

import dev.voicebot.speech.audio.WavFileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Real synthetic speech from the {@code espeak-ng} command (installed on CI by {@code .ci/run}):
 * 16 kHz mono clips trimmed to the speech itself, so that where a test places a clip is the truth
 * for where speech starts and ends. Results are cached per JVM.
 */
public final class Espeak {
    private static final ConcurrentHashMap<String, float[]> CACHE = new ConcurrentHashMap<>();

    private Espeak() {
    }

    /** Default speed and pitch. */
    public static float[] say(String voice, String text) {
        return say(voice, text, 175, 50);
    }

    /**
     * @param voice        espeak-ng voice, e.g. {@code en} or {@code ko}
     * @param wordsPerMin  speaking rate ({@code -s})
     * @param pitch        0-99 ({@code -p})
     * @return the trimmed clip at 16 kHz, peak-normalised to 0.5
     */
    public static float[] say(String voice, String text, int wordsPerMin, int pitch) {
        String key = voice + "|" + wordsPerMin + "|" + pitch + "|" + text;
        return CACHE.computeIfAbsent(key, k -> synthesize(voice, text, wordsPerMin, pitch)).clone();
    }

    private static float[] synthesize(String voice, String text, int wordsPerMin, int pitch) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "espeak"));
            Path wav = Files.createTempFile(dir, "say", ".wav");
            try {
                List<String> cmd = new ArrayList<>(List.of("espeak-ng", "-v", voice, "-s", String.valueOf(wordsPerMin),
                        "-p", String.valueOf(pitch), "-w", wav.toString(), text));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("espeak-ng failed for '" + text + "': " + out);
                }
                return normalise(trim(WavFileSource.readAll(wav)));
            } finally {
                Files.deleteIfExists(wav);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("espeak-ng is needed for speech tests (apt-get install espeak-ng)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Cuts leading and trailing near-silence (below 1% of the peak). */
    static float[] trim(float[] x) {
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float threshold = peak * 0.01f;
        int a = 0;
        while (a < x.length && Math.abs(x[a]) < threshold) {
            a++;
        }
        int b = x.length;
        while (b > a && Math.abs(x[b - 1]) < threshold) {
            b--;
        }
        return Arrays.copyOfRange(x, a, b);
    }

    private static float[] normalise(float[] x) {
        float peak = 1e-9f;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        float g = 0.5f / peak;
        for (int i = 0; i < x.length; i++) {
            x[i] *= g;
        }
        return x;
    }
}
