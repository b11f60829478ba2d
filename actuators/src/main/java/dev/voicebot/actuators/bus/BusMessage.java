package dev.voicebot.actuators.bus;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A message received from the broker, copied out of Paho's types. */
public record BusMessage(String topic, byte[] payload, boolean retained, Optional<String> responseTopic, Optional<byte[]> correlationData) {
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
