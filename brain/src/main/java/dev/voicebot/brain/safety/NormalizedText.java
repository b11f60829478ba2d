package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

/**
 * A text as the rules see it: {@code text} is lower case, NFKC, with look-alike letters, leetspeak,
 * masks ({@code f*ck}), spacing inside words and stretched letters undone, and punctuation split off
 * as its own tokens, all separated by single spaces. {@code joined} is the same with runs of
 * one-letter tokens ({@code "i d i o t"}, {@code "시 발"}) joined into words; rules look at both.
 */
public record NormalizedText(String original, String text, String joined) {
    public NormalizedText {
        ensureNotNull(original, "original");
        ensureNotNull(text, "text");
        ensureNotNull(joined, "joined");
    }
}
