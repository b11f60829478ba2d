package dev.voicebot.speech.transcribe;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.SpeechConfig;
import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.vad.EndpointerSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code robot transcribe} was asked to do.
 *
 * @param model     the Whisper ggml model; may be empty only with {@code vadOnly}
 * @param asr       language, allowed languages, translation, decoding
 * @param endpoints how utterances are cut
 * @param vadOnly   only find utterances (no model needed, no text)
 */
public record TranscribeOptions(Optional<Path> model, AsrOptions asr, EndpointerSettings endpoints, boolean vadOnly) {

    public TranscribeOptions {
        ensureNotNull(model, "model");
        ensureNotNull(asr, "asr");
        ensureNotNull(endpoints, "endpoints");
    }

    /**
     * The configuration's speech settings with the command line's overrides.
     *
     * @param model     {@code --model}, or null for {@code speech.model}
     * @param language  {@code --language}, or null for {@code speech.language}
     * @param translate {@code --translate} (or {@code speech.translate})
     */
    public static TranscribeOptions from(SpeechConfig config, Path model, String language, boolean translate, boolean vadOnly) {
        AsrOptions asr = AsrOptions.from(config);
        if (language != null) {
            asr = asr.withLanguage(language);
        }
        if (translate) {
            asr = asr.withTranslate(true);
        }
        return new TranscribeOptions(Optional.ofNullable(model != null ? model : config.model()), asr,
                EndpointerSettings.from(config), vadOnly);
    }
}
