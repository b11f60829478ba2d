package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;
import java.util.Set;

/**
 * Speech output and the spoken conversation around it. {@code enabled}: speak each reply sentence
 * with {@code command} (an espeak-ng compatible program) in the voice for its language;
 * {@code output}: {@code speaker} (the default sound device), {@code files} (one WAV per sentence in
 * the data directory's {@code tmp/tts}, for machines without a sound device) or {@code discard}.
 * {@code bargeInMarginDb}: while the robot speaks, speech on the input counts as the person
 * interrupting only this far above the robot's own echo level. {@code sessionSilence}: follow-ups
 * ("a bit more") refer to the last command until this long without an utterance.
 */
public record TtsConfig(boolean enabled, String command, Voices voices, String output, int wordsPerMinute,
                        double bargeInMarginDb, Duration sessionSilence) {
    public static final Set<String> OUTPUTS = Set.of("speaker", "files", "discard");

    public TtsConfig {
        ensureNotBlank(command, "command");
        ensureNotNull(voices, "voices");
        if (output == null || !OUTPUTS.contains(output)) {
            throw new InvalidValueException("output", output == null ? null : "\"" + output + "\"", "speaker, files or discard");
        }
        ensureRange(wordsPerMinute, 80, 450, "wordsPerMinute");
        ensureRange(bargeInMarginDb, 0.0, 60.0, "bargeInMarginDb");
        ensureRange(sessionSilence, Duration.ofSeconds(1), Duration.ofHours(1), "sessionSilence");
    }

    /** espeak-ng voice names per reply language. */
    public record Voices(String en, String ko) {
        public Voices {
            ensureNotBlank(en, "en");
            ensureNotBlank(ko, "ko");
        }

        /** The voice for {@code language} (English for any language without its own voice). */
        public String forLanguage(String language) {
            return "ko".equals(language) ? ko : en;
        }
    }
}
