package dev.voicebot.brain.style;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much the robot says. */
public enum Detail {
    BRIEF, NORMAL, DETAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Detail fromWire(String name) {
        for (Detail v : values()) {
            if (v.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown detail '" + name + "'; known: "
                + Arrays.stream(values()).map(Detail::wire).collect(Collectors.joining(", ")));
    }
}
