package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureRange;

import java.nio.file.Path;
import java.time.Duration;

/** Audio front end and speech recognition. {@code model} is a Whisper ggml file; null means no ASR. */
public record SpeechConfig(
        Path model,
        String language,
        boolean translate,
        Duration hangover,
        Duration preRoll,
        Duration maxUtterance) {

    public SpeechConfig {
        if (language == null || !language.matches("auto|[a-z]{2,3}")) {
            throw new InvalidValueException("language", language, "auto or an ISO 639-1 code such as en or ko");
        }
        ensureRange(hangover, Duration.ofMillis(50), Duration.ofSeconds(5), "hangover");
        ensureRange(preRoll, Duration.ZERO, Duration.ofSeconds(2), "preRoll");
        ensureRange(maxUtterance, Duration.ofSeconds(1), Duration.ofSeconds(60), "maxUtterance");
    }
}
