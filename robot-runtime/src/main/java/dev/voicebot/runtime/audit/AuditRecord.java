package dev.voicebot.runtime.audit;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.wire.SafetyEvent;

/**
 * One line of the audit log: when ({@code ts}, milliseconds since the epoch, and {@code time}, ISO-8601
 * UTC), which robot, {@code kind} {@value #WORDS} (the word filter) or {@value #MOTION} (motion safety),
 * and the {@link SafetyEvent} exactly as it is published on {@code robot/{id}/safety/events}.
 */
public record AuditRecord(long ts, String time, String robotId, String kind, SafetyEvent event) {
    public static final String WORDS = "words";
    public static final String MOTION = "motion";

    public AuditRecord {
        ensureNotBlank(time, "time");
        ensureNotBlank(robotId, "robotId");
        ensureNotBlank(kind, "kind");
        ensureNotNull(event, "event");
    }
}
