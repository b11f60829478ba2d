package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Duration;
import java.util.Optional;

/**
 * One message to publish. {@link #motion} builds the only form allowed for motion commands:
 * QoS 1, never retained, with a message expiry and a response topic for the acknowledgement.
 */
public record Publication(Topic topic, byte[] payload, QoS qos, boolean retained, Optional<Duration> expiry,
                          Optional<Topic> responseTopic, Optional<byte[]> correlationData) {
    public Publication {
        ensureNotNull(topic, "topic");
        ensureNotNull(payload, "payload");
        ensureNotNull(qos, "qos");
        ensureNotNull(expiry, "expiry");
        ensureNotNull(responseTopic, "responseTopic");
        ensureNotNull(correlationData, "correlationData");
        expiry.ifPresent(e -> {
            if (e.isNegative() || e.isZero()) {
                throw new IllegalArgumentException("expiry must be positive: " + e);
            }
        });
    }

    public static Publication event(Topic topic, byte[] payload) {
        return new Publication(topic, payload, QoS.AT_LEAST_ONCE, false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Publication retained(Topic topic, byte[] payload) {
        return new Publication(topic, payload, QoS.AT_LEAST_ONCE, true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Publication motion(Topic topic, byte[] payload, Duration expiry, Topic ackTopic, byte[] correlation) {
        return new Publication(topic, payload, QoS.AT_LEAST_ONCE, false, Optional.of(expiry), Optional.of(ackTopic), Optional.of(correlation));
    }
}
