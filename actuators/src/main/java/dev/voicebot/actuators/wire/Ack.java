package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonValue;

/** A controller's answer to one command: accepted, or rejected with a reason. */
public record Ack(String commandId, Status status, String reason) {
    public Ack {
        ensureNotBlank(commandId, "commandId");
        ensureNotNull(status, "status");
    }

    public enum Status {
        ACCEPTED("accepted"), CLAMPED("clamped"), REJECTED("rejected");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }
}
