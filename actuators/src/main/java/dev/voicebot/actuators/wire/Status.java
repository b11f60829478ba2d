package dev.voicebot.actuators.wire;

import com.fasterxml.jackson.annotation.JsonValue;

/** Retained on {@code robot/{id}/status}; the broker publishes {@link #OFFLINE} as the last will. */
public record Status(State state, String component) {
    public enum State {
        ONLINE("online"), OFFLINE("offline");

        private final String wire;

        State(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }
}
