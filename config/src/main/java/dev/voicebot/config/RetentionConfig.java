package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;

/**
 * How long kept data stays: records older than {@code maxAge} are deleted, and the oldest files go
 * once together they exceed {@code maxTotalMb} megabytes. Enforced at start and while running.
 */
public record RetentionConfig(Duration maxAge, int maxTotalMb) {
    public RetentionConfig {
        ensureRange(maxAge, Duration.ofSeconds(1), Duration.ofDays(3650), "maxAge");
        ensureRange(maxTotalMb, 1, 1_000_000, "maxTotalMb");
    }

    public long maxTotalBytes() {
        return maxTotalMb * 1024L * 1024L;
    }
}
