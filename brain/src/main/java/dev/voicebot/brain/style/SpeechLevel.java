package dev.voicebot.brain.style;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Korean speech level: POLITE is 존댓말 (해요체), CASUAL is 반말. */
public enum SpeechLevel {
    POLITE, CASUAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SpeechLevel fromWire(String name) {
        for (SpeechLevel v : values()) {
            if (v.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown speech level '" + name + "'; known: "
                + Arrays.stream(values()).map(SpeechLevel::wire).collect(Collectors.joining(", ")));
    }
}
