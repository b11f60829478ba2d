package dev.voicebot.speech.vad;

import java.util.Arrays;

/** The recent part of a sample stream, addressed by absolute sample index. */
final class SampleHistory {
    private float[] buffer = new float[16_000];
    private long start;   // absolute index of buffer[0]
    private int length;

    void append(float[] samples, int offset, int n) {
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + n, buffer.length * 2));
        }
        System.arraycopy(samples, offset, buffer, length, n);
        length += n;
    }

    long end() {
        return start + length;
    }

    /** Forgets samples before {@code from}. */
    void discardBefore(long from) {
        int drop = (int) Math.max(0, Math.min(length, from - start));
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            start += drop;
        }
    }

    /** Copies [from, to), clamped to what is still held. */
    float[] copy(long from, long to) {
        long a = Math.max(from, start);
        long b = Math.min(to, end());
        if (b <= a) {
            return new float[0];
        }
        return Arrays.copyOfRange(buffer, (int) (a - start), (int) (b - start));
    }
}
