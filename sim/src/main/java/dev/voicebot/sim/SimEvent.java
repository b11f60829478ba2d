package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

/** Something the simulated robot reports to people: a collision, a fault, an empty battery. */
public record SimEvent(Kind kind, String message) {
    public SimEvent {
        ensureNotNull(kind, "kind");
        ensureNotBlank(message, "message");
    }

    public enum Kind {
        COLLISION, FAULT, BATTERY, REFUSED
    }
}
