package dev.voicebot.brain.fastpath;

import java.util.Arrays;
import java.util.List;

/**
 * An utterance after {@link TextNormalizer}: lower case, words separated by single spaces, clause
 * punctuation turned into {@code ","} tokens. {@code question} records a question mark;
 * {@code hangul} whether any Korean syllable or jamo was present.
 */
record NormalizedText(String text, boolean question, boolean hangul) {

    /** The space-separated tokens (words, numbers, and "," for clause punctuation). */
    List<String> tokens() {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    /** The text without any spaces, for Korean where speech recognition drops or adds them freely. */
    String compact() {
        return text.replace(" ", "");
    }
}
