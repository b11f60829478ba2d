package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** A body or arm gesture played as a timed joint motion. */
public record Gesture(Name name) implements Intent {
    public Gesture {
        ensureNotNull(name, "name");
    }

    public enum Name {
        WAVE("wave"), NOD("nod"), BOW("bow"), SHAKE_HEAD("shake-head"), POINT("point");

        private final String wire;

        Name(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Name fromWire(String wire) {
            return Arrays.stream(values()).filter(n -> n.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown gesture '" + wire + "'; allowed: wave, nod, bow, shake-head, point"));
        }
    }
}
