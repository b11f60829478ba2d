package dev.voicebot.brain.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way a text travels: what the user said, or what the robot is about to say. */
public enum Direction {
    INPUT("input"), OUTPUT("output");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Direction fromWire(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Direction d : values()) {
            if (d.wire.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown direction '" + name + "'; allowed: input, output");
    }
}
