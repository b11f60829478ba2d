package dev.voicebot.brain;

/** Guesses the language of typed text from its script; speech input brings Whisper's language instead. */
public final class Languages {
    private Languages() {
    }

    /** "ko" when the text contains Hangul (syllables or jamo), otherwise "en". */
    public static String guess(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
                return "ko";
            }
            i += Character.charCount(cp);
        }
        return "en";
    }
}
