package dev.voicebot.runtime.scenario;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The human-readable report of {@code robot scenario}: one table per scenario, then a summary line. */
public final class ResultTable {
    private ResultTable() {
    }

    public static void print(ScenarioResult r, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        sb.append("scenario: ").append(r.scenario().name()).append("  (").append(r.scenario().file()).append(")\n");
        int width = Math.max(4, r.steps().stream().mapToInt(s -> Math.min(48, s.step().length())).max().orElse(4));
        sb.append(String.format(Locale.ROOT, "  %3s  %-" + width + "s  %-6s %7s  %s%n", "#", "step", "result", "time", "detail"));
        for (StepResult s : r.steps()) {
            sb.append(String.format(Locale.ROOT, "  %3d  %-" + width + "s  %-6s %6.2fs  %s%n", s.index(), cut(s.step(), 48),
                    s.passed() ? "pass" : "FAIL", s.elapsed().toNanos() / 1e9, s.detail()));
        }
        r.startFailure().ifPresent(f -> sb.append("  ").append(f).append('\n'));
        sb.append(String.format(Locale.ROOT, "result: %s (%d of %d steps passed) in %.1f s%n%n", r.passed() ? "PASS" : "FAIL",
                r.passedSteps(), r.scenario().steps().size(), r.elapsed().toNanos() / 1e9));
        synchronized (out) {
            out.print(sb);
            out.flush();
        }
    }

    public static void summary(List<ScenarioResult> results, PrintStream out) {
        long passed = results.stream().filter(ScenarioResult::passed).count();
        synchronized (out) {
            out.printf(Locale.ROOT, "%d scenario%s: %d passed, %d failed%n", results.size(), results.size() == 1 ? "" : "s",
                    passed, results.size() - passed);
            out.flush();
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
