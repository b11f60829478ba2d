package dev.voicebot.brain.llm.output;

import java.util.function.Consumer;

/**
 * Cuts text arriving character by character into sentences, for speaking them as soon as they are
 * complete. A sentence ends at {@code . ! ? …} followed by white space (so {@code 1.5} and {@code e.g.x}
 * do not end one), at the full-width {@code 。 ！ ？} (which need no space), or at a line break; closing
 * quotes and brackets after the mark stay with the sentence. Korean sentences end the same way
 * ({@code 갈게요. 조심할게요!}).
 */
public final class SentenceSplitter {
    private final Consumer<String> onSentence;
    private final StringBuilder pending = new StringBuilder();

    public SentenceSplitter(Consumer<String> onSentence) {
        this.onSentence = onSentence;
    }

    public void append(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
    }

    public void append(char c) {
        if (c == '\n' || c == '\r') {
            emit();
            return;
        }
        if (endsSentence(c)) {
            emit();
        }
        if (pending.length() > 0 || !Character.isWhitespace(c)) {
            pending.append(c);
        }
    }

    /** Delivers what is left as the last sentence (the reply ended). */
    public void flush() {
        emit();
    }

    /** True when appending {@code next} shows that the pending text ends with a complete sentence. */
    private boolean endsSentence(char next) {
        int i = pending.length() - 1;
        while (i >= 0 && isCloser(pending.charAt(i))) {
            i--;
        }
        if (i < 0 || isCloser(next) || isTerminal(next)) {
            return false;
        }
        char mark = pending.charAt(i);
        if (mark == '。' || mark == '！' || mark == '？') {
            return true;
        }
        return (mark == '.' || mark == '!' || mark == '?' || mark == '…') && Character.isWhitespace(next);
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '”' || c == '’' || c == '」' || c == '』' || c == '）';
    }

    private void emit() {
        String s = pending.toString().strip();
        pending.setLength(0);
        if (!s.isEmpty()) {
            onSentence.accept(s);
        }
    }
}
