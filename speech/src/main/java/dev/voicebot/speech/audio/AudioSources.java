package dev.voicebot.speech.audio;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Opens the audio input named on the command line: {@code mic}, {@code wav:FILE} (or a path ending
 * in {@code .wav}), or {@code -} / {@code stdin} / {@code pcm:-} for raw 16 kHz mono s16le on stdin.
 */
public final class AudioSources {
    private AudioSources() {
    }

    /**
     * @param spec  the input spec
     * @param stdin the stream to use for {@code -}; it is not closed by the source
     * @throws IllegalArgumentException if the spec names no known kind of input
     */
    public static AudioSource open(String spec, InputStream stdin) {
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("mic") || lower.equals("microphone")) {
            return MicrophoneSource.open();
        }
        if (lower.equals("-") || lower.equals("stdin") || lower.equals("pcm:-")) {
            return new PcmStreamSource(stdin, "stdin", false);
        }
        if (lower.startsWith("wav:")) {
            return WavFileSource.open(Path.of(s.substring(4)));
        }
        if (lower.endsWith(".wav")) {
            return WavFileSource.open(Path.of(s));
        }
        throw new IllegalArgumentException("unknown audio input '" + spec + "'; use mic, wav:FILE or - (raw 16 kHz mono s16le on stdin)");
    }

    /** Reads a source to its end. */
    public static float[] readFully(AudioSource source) {
        float[] out = new float[Pcm16k.SAMPLE_RATE];
        int n = 0;
        float[] buf = new float[4096];
        int r;
        while ((r = source.read(buf)) >= 0) {
            if (n + r > out.length) {
                out = Arrays.copyOf(out, Math.max(n + r, out.length * 2));
            }
            System.arraycopy(buf, 0, out, n, r);
            n += r;
        }
        return Arrays.copyOf(out, n);
    }
}
