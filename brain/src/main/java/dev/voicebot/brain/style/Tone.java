package dev.voicebot.brain.style;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the robot sounds. */
public enum Tone {
    WARM, NEUTRAL, PLAYFUL, FORMAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tone fromWire(String name) {
        for (Tone v : values()) {
            if (v.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown tone '" + name + "'; known: "
                + Arrays.stream(values()).map(Tone::wire).collect(Collectors.joining(", ")));
    }
}
