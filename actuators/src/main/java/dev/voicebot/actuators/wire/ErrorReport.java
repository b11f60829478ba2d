package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;

/** Something went wrong that a person should see: published on {@code robot/{id}/errors}. */
public record ErrorReport(String source, String topic, String message) {
    public ErrorReport {
        ensureNotBlank(source, "source");
        ensureNotBlank(message, "message");
    }
}
