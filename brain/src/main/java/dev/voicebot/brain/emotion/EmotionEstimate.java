package dev.voicebot.brain.emotion;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The emotion of one utterance: the strongest one, how strong (0 to 1), every emotion's score (0 to
 * 1), and the prosodic arousal that was combined in (-1 to 1; 0 without prosody).
 */
public record EmotionEstimate(Emotion primary, double intensity, Map<Emotion, Double> scores, double arousal) {
    public EmotionEstimate {
        ensureNotNull(primary, "primary");
        ensureRange(intensity, 0, 1, "intensity");
        ensureNotNull(scores, "scores");
        ensureRange(arousal, -1, 1, "arousal");
        scores = Collections.unmodifiableMap(new EnumMap<>(scores.isEmpty() ? Map.of(Emotion.NEUTRAL, 1.0) : scores));
    }

    public static EmotionEstimate neutral() {
        return new EmotionEstimate(Emotion.NEUTRAL, 0, Map.of(Emotion.NEUTRAL, 1.0), 0);
    }

    /** True when the primary emotion is {@code e} at least at {@code minIntensity}. */
    public boolean is(Emotion e, double minIntensity) {
        return primary == e && intensity >= minIntensity;
    }
}
