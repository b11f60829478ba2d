package dev.voicebot.runtime.bench;

/** One line of the benchmark table: what was measured, the figure, the target, and how it compares. */
public record BenchRow(String metric, String value, String target, String verdict, String note) {
}
