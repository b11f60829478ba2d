package dev.voicebot.brain.safety;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of harm a text carries. The wire name is what the CLI and events print. */
public enum Category {
    /** Abuse aimed at the listener or the robot. */
    INSULT("insult"),
    /** Demeaning people for race, religion, gender, sexuality, disability, age or origin. */
    IDENTITY_ATTACK("identity_attack"),
    /** Violence meant or wished against someone. */
    THREAT("threat"),
    /** Explicit sexual content or requests. */
    SEXUAL("sexual"),
    /** The speaker's own wish or plan to die or be hurt; or, in robot output, encouragement of it. */
    SELF_HARM("self_harm"),
    /** Swearing that insults nobody; only the robot's own speech is softened for it. */
    PROFANITY("profanity");

    private final String wire;

    Category(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses a wire name such as {@code identity_attack}; case and dashes do not matter. */
    public static Category fromWire(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Category c : values()) {
            if (c.wire.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown safety category '" + name + "'; known: insult, identity_attack, threat, sexual, self_harm, profanity");
    }
}
