package dev.voicebot.runtime.web;

import dev.voicebot.config.InvalidValueException;
import dev.voicebot.config.StyleConfig;
import java.util.Set;

/**
 * A person's choice of response style from the web page: published retained on
 * {@code robot/{id}/style} for the brain to use on the next reply. Values as in the {@code style:}
 * configuration.
 */
public record StyleChange(String tone, String detail, String speechLevel, String source) {
    public StyleChange {
        oneOf(tone, StyleConfig.TONES, "tone");
        oneOf(detail, StyleConfig.DETAILS, "detail");
        oneOf(speechLevel, StyleConfig.SPEECH_LEVELS, "speechLevel");
        if (source == null || source.isBlank()) {
            throw new InvalidValueException("source", source, "a non-empty text");
        }
    }

    public static StyleChange of(StyleConfig config, String source) {
        return new StyleChange(config.tone(), config.detail(), config.speechLevel(), source);
    }

    private static void oneOf(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidValueException(field, value == null ? null : "\"" + value + "\"", String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }
}
