package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotBlank;

import java.util.Set;

/**
 * How the robot talks unless the user asks otherwise: {@code tone} warm, neutral, playful or formal;
 * {@code detail} brief, normal or detailed; {@code speechLevel} polite (존댓말) or casual (반말) in
 * Korean; {@code personaName} the name it uses for itself.
 */
public record StyleConfig(String tone, String detail, String speechLevel, String personaName) {
    public static final Set<String> TONES = Set.of("warm", "neutral", "playful", "formal");
    public static final Set<String> DETAILS = Set.of("brief", "normal", "detailed");
    public static final Set<String> SPEECH_LEVELS = Set.of("polite", "casual");

    public StyleConfig {
        oneOf(tone, TONES, "tone", "warm, neutral, playful or formal");
        oneOf(detail, DETAILS, "detail", "brief, normal or detailed");
        oneOf(speechLevel, SPEECH_LEVELS, "speechLevel", "polite or casual");
        ensureNotBlank(personaName, "personaName");
        if (personaName.length() > 40) {
            throw new InvalidValueException("personaName", "\"" + personaName + "\"", "a name of at most 40 characters");
        }
    }

    private static void oneOf(String value, Set<String> allowed, String field, String description) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidValueException(field, value == null ? null : "\"" + value + "\"", description);
        }
    }
}
