package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.regex.Pattern;

/** Which robot this runtime speaks for; the id is the second level of every MQTT topic. */
public record RobotIdentity(String id) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public RobotIdentity {
        ensureNotNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new InvalidValueException("id", "\"" + id + "\"", "1 to 64 letters, digits, '-' or '_' (it is used in MQTT topics)");
        }
    }
}
