package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;
import java.util.Set;

/**
 * Running the runtime as a service: {@code logFormat} {@code text} (human-readable lines) or
 * {@code json} (one JSON object per line, for a log collector), both on stderr; {@code shutdownTimeout}
 * bounds how long a graceful stop (SIGTERM, SIGINT) may take before the process exits anyway.
 */
public record OpsConfig(String logFormat, Duration shutdownTimeout) {
    public static final Set<String> LOG_FORMATS = Set.of("text", "json");

    public OpsConfig {
        if (logFormat == null || !LOG_FORMATS.contains(logFormat)) {
            throw new InvalidValueException("logFormat", logFormat == null ? null : "\"" + logFormat + "\"", "text or json");
        }
        ensureRange(shutdownTimeout, Duration.ofMillis(500), Duration.ofMinutes(1), "shutdownTimeout");
    }
}
