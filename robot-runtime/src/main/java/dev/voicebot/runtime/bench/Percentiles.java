package dev.voicebot.runtime.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nanosecond samples summarised as p50/p99/max in milliseconds or microseconds. */
public final class Percentiles {
    private final long[] sorted;

    public Percentiles(long[] nanos, int count) {
        this.sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
    }

    public double p(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i];
    }

    public int count() {
        return sorted.length;
    }

    public String ms(double q) {
        return String.format(Locale.ROOT, "%.3f ms", p(q) / 1e6);
    }

    public String us(double q) {
        return String.format(Locale.ROOT, "%.1f µs", p(q) / 1e3);
    }
}
