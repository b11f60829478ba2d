package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Change the whole-body posture. */
public record Pose(Posture pose) implements Intent {
    public Pose {
        ensureNotNull(pose, "pose");
    }

    public enum Posture {
        SIT("sit"), STAND("stand");

        private final String wire;

        Posture(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }

        @JsonCreator
        public static Posture fromWire(String wire) {
            return Arrays.stream(values()).filter(n -> n.wire.equals(wire)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown pose '" + wire + "'; allowed: sit, stand"));
        }
    }
}
