package dev.voicebot.speech.asr;

import java.util.List;

/** The languages whisper.cpp 1.7.1 knows, in token order (the language token of code i is SOT + 1 + i). */
public final class WhisperLanguages {
    public static final List<String> CODES = List.of(
            "en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "tr", "pl", "ca", "nl", "ar", "sv", "it", "id", "hi", "fi", "vi",
            "he", "uk", "el", "ms", "cs", "ro", "da", "hu", "ta", "no", "th", "ur", "hr", "bg", "lt", "la", "mi", "ml", "cy", "sk",
            "te", "fa", "lv", "bn", "sr", "az", "sl", "kn", "et", "mk", "br", "eu", "is", "hy", "ne", "mn", "bs", "kk", "sq", "sw",
            "gl", "mr", "pa", "si", "km", "sn", "yo", "so", "af", "oc", "ka", "be", "tg", "sd", "gu", "am", "yi", "lo", "uz", "fo",
            "ht", "ps", "tk", "nn", "mt", "sa", "lb", "my", "bo", "tl", "mg", "as", "tt", "haw", "ln", "ha", "ba", "jw", "su", "yue");

    private WhisperLanguages() {
    }

    public static boolean known(String code) {
        return CODES.contains(code);
    }

    /** Index of the language among the language tokens, or -1. */
    public static int index(String code) {
        return CODES.indexOf(code);
    }
}
