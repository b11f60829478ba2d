package dev.voicebot.brain.safety;

import java.util.Map;

/**
 * An optional model stage after the rules: an ONNX text classifier, or the local LLM asked as a
 * judge. It adds scores; it never clears what the rules found. Implementations that hold native
 * resources should also be {@link AutoCloseable}; the filter does not own them.
 */
@FunctionalInterface
public interface SafetyClassifier {
    /** No model: the rules alone decide. */
    SafetyClassifier NONE = (text, direction, language) -> Map.of();

    /**
     * Scores from 0 to 1 per category for {@code text}; categories left out score 0. An empty map
     * means the classifier could not judge (for example the model is busy); it must not throw for that.
     */
    Map<Category, Double> score(String text, Direction direction, String language);
}
