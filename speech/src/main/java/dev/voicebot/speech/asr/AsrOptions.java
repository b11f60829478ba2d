package dev.voicebot.speech.asr;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.config.InvalidValueException;
import dev.voicebot.config.SpeechConfig;
import java.util.List;

/**
 * How to decode.
 *
 * @param language         {@code auto} for automatic language identification, or a code such as {@code en}, {@code ko}
 * @param allowedLanguages when not empty and the detected language is not in it, the audio is decoded again as the
 *                         first allowed language
 * @param translate        translate to English
 * @param beamSize         1 = greedy decoding (default); 2-8 = beam search
 * @param threads          CPU threads for one decode
 */
public record AsrOptions(String language, List<String> allowedLanguages, boolean translate, int beamSize, int threads) {

    public AsrOptions {
        ensureNotNull(language, "language");
        if (!language.equals("auto") && !WhisperLanguages.known(language)) {
            throw new InvalidValueException("language", language, "auto or a Whisper language code such as en, ko, ja, de");
        }
        allowedLanguages = List.copyOf(ensureNotNull(allowedLanguages, "allowedLanguages"));
        for (String code : allowedLanguages) {
            if (!WhisperLanguages.known(code)) {
                throw new InvalidValueException("allowedLanguages", code, "Whisper language codes such as en, ko");
            }
        }
        ensureRange(beamSize, 1, 8, "beamSize");
        ensureRange(threads, 1, 64, "threads");
    }

    /**
     * Automatic language, any language, greedy, one thread. (ggml's worker threads spin while they
     * wait; on a busy or small machine one thread per decode is the predictable choice.)
     */
    public static AsrOptions defaults() {
        return new AsrOptions("auto", List.of(), false, 1, 1);
    }

    public static AsrOptions from(SpeechConfig config) {
        return new AsrOptions(config.language(), config.allowedLanguages(), config.translate(), config.beamSize(), config.threads());
    }

    public AsrOptions withLanguage(String code) {
        return new AsrOptions(code, allowedLanguages, translate, beamSize, threads);
    }

    public AsrOptions withTranslate(boolean on) {
        return new AsrOptions(language, allowedLanguages, on, beamSize, threads);
    }

    public AsrOptions withAllowedLanguages(List<String> codes) {
        return new AsrOptions(language, codes, translate, beamSize, threads);
    }
}
