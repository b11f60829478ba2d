package dev.voicebot.brain.safety;

import dev.voicebot.config.ConfigLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times {@link SafetyFilter#checkInput} on every evaluation line (a benchmark, not a test): bundle load time
 * and per-text percentiles after warm-up. Run with the brain test classpath:
 * {@code java -cp ... dev.voicebot.brain.safety.SafetyLatency}.
 */
public final class SafetyLatency {
    private SafetyLatency() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        SafetyFilter filter = SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety());
        long t1 = System.nanoTime();
        List<String> texts = new ArrayList<>();
        for (String set : List.of("en", "ko")) {
            SafetyEvaluation.load(set).forEach(l -> texts.add(l.text()));
        }
        for (int warm = 0; warm < 3; warm++) {
            texts.forEach(t -> filter.checkInput(t, "en"));
        }
        long[] ns = new long[texts.size() * 5];
        int k = 0;
        for (int round = 0; round < 5; round++) {
            for (String t : texts) {
                long s = System.nanoTime();
                filter.checkInput(t, "en");
                ns[k++] = System.nanoTime() - s;
            }
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "load %.0f ms; per text p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms over %d checks%n",
                (t1 - t0) / 1e6, ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.95)] / 1e6, ns[(int) (ns.length * 0.99)] / 1e6,
                ns[ns.length - 1] / 1e6, ns.length);
    }
}
