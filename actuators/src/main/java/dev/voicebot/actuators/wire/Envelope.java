package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.UUID;

/**
 * Every payload on the wire travels in this envelope: {@code schemaVersion}, a unique {@code msgId},
 * {@code ts} (milliseconds since the Unix epoch, UTC), the {@code robotId} and the {@code payload}.
 */
public record Envelope<T>(int schemaVersion, String msgId, long ts, String robotId, T payload) {
    public static final int SCHEMA_VERSION = 1;

    public Envelope {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion + "; this runtime speaks " + SCHEMA_VERSION);
        }
        ensureNotBlank(msgId, "msgId");
        ensureNotBlank(robotId, "robotId");
        ensureNotNull(payload, "payload");
    }

    public static <T> Envelope<T> of(String robotId, T payload) {
        return new Envelope<>(SCHEMA_VERSION, UUID.randomUUID().toString(), System.currentTimeMillis(), robotId, payload);
    }
}
