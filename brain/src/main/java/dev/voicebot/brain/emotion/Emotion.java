package dev.voicebot.brain.emotion;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The basic emotions the robot tells apart in what people say. */
public enum Emotion {
    ANGER, SADNESS, JOY, FEAR, NEUTRAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Emotion fromWire(String name) {
        for (Emotion e : values()) {
            if (e.wire().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown emotion '" + name + "'; known: anger, sadness, joy, fear, neutral");
    }
}
