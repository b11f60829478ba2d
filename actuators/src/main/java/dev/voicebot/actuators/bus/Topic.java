package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotBlank;

/** A concrete MQTT topic to publish on: no wildcards, no empty text, at most 65535 bytes. */
public record Topic(String name) {
    public Topic {
        ensureNotBlank(name, "name");
        if (name.contains("+") || name.contains("#") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("topic '" + name + "' must not contain wildcards (+, #) or NUL");
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 65535) {
            throw new IllegalArgumentException("topic is longer than 65535 bytes");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
