package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Audio front end and speech recognition. {@code model} is a Whisper ggml file; null means no ASR.
 * {@code allowedLanguages} empty means any language Whisper detects; {@code beamSize} 1 means
 * greedy decoding. {@code stop} configures the low-latency stop-word path used while the robot moves.
 */
public record SpeechConfig(
        Path model,
        String language,
        List<String> allowedLanguages,
        boolean translate,
        int beamSize,
        int threads,
        Duration hangover,
        Duration preRoll,
        Duration maxUtterance,
        StopWords stop) {

    private static final String LANGUAGE_CODE = "[a-z]{2,3}";

    public SpeechConfig {
        if (language == null || !language.matches("auto|" + LANGUAGE_CODE)) {
            throw new InvalidValueException("language", language, "auto or an ISO 639-1 code such as en or ko");
        }
        allowedLanguages = List.copyOf(ensureNotNull(allowedLanguages, "allowedLanguages"));
        for (String code : allowedLanguages) {
            if (code == null || !code.matches(LANGUAGE_CODE)) {
                throw new InvalidValueException("allowedLanguages", allowedLanguages, "a list of ISO 639-1 codes such as [en, ko], or []");
            }
        }
        if (!language.equals("auto") && !allowedLanguages.isEmpty() && !allowedLanguages.contains(language)) {
            throw new InvalidValueException("language", language, "auto or one of allowedLanguages " + allowedLanguages);
        }
        ensureRange(beamSize, 1, 8, "beamSize");
        ensureRange(threads, 1, 64, "threads");
        ensureRange(hangover, Duration.ofMillis(50), Duration.ofSeconds(5), "hangover");
        ensureRange(preRoll, Duration.ZERO, Duration.ofSeconds(2), "preRoll");
        ensureRange(maxUtterance, Duration.ofSeconds(1), Duration.ofSeconds(60), "maxUtterance");
        ensureNotNull(stop, "stop");
    }

    /**
     * Stop words spotted while motion is active: short rolling windows of {@code window} audio are
     * decoded every {@code hop}.
     */
    public record StopWords(List<String> words, Duration window, Duration hop) {
        public StopWords {
            words = List.copyOf(ensureNotNull(words, "words"));
            if (words.isEmpty() || words.stream().anyMatch(w -> w == null || w.isBlank())) {
                throw new InvalidValueException("words", words, "a non-empty list of words such as [stop, 멈춰]");
            }
            ensureRange(window, Duration.ofMillis(300), Duration.ofSeconds(3), "window");
            ensureRange(hop, Duration.ofMillis(50), Duration.ofSeconds(1), "hop");
        }
    }
}
