package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safety filter between the user, the LLM and the speaker. Scores run from 0 (harmless) to 1.
 * What the user said is answered by a safe reply instead of the LLM when its score reaches
 * {@code inputThreshold}; what the robot is about to say is blocked at {@code outputBlockThreshold}
 * and softened (rewritten) below it. {@code helpResources} maps a language code to the lines read
 * out after a statement of self-harm; each must be correct for the place the robot is used.
 */
public record SafetyConfig(
        boolean enabled,
        double inputThreshold,
        double outputBlockThreshold,
        Map<String, List<String>> helpResources) {

    public SafetyConfig {
        ensureRange(inputThreshold, 0.05, 1.0, "inputThreshold");
        ensureRange(outputBlockThreshold, 0.05, 1.0, "outputBlockThreshold");
        ensureNotNull(helpResources, "helpResources");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : helpResources.entrySet()) {
            String language = e.getKey();
            if (language == null || !language.matches("[a-z]{2,3}")) {
                throw new InvalidValueException("helpResources", language, "keys that are ISO 639-1 codes such as en or ko");
            }
            List<String> lines = ensureNotNull(e.getValue(), "helpResources." + language);
            for (String line : lines) {
                ensureNotBlank(line, "helpResources." + language);
            }
            copy.put(language, List.copyOf(lines));
        }
        helpResources = Map.copyOf(copy);
    }

    /** The help lines for a language, falling back to English, else none. */
    public List<String> helpFor(String language) {
        List<String> lines = helpResources.get(language);
        if (lines == null) {
            lines = helpResources.getOrDefault("en", List.of());
        }
        return lines;
    }
}
