package dev.voicebot.brain.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts text into sentences at English and Korean sentence ends: . ! ? … and their full-width forms,
 * 。, line breaks, and Korean final endings followed by a space when no punctuation is written
 * ("고마워요 다음에"). Numbers (3.5), abbreviations (Dr., e.g.) and "..." runs are not cut.
 * {@link #push(String)} feeds a streamed reply and returns the sentences completed so far.
 * Not thread-safe when used as a stream.
 */
public final class SentenceSplitter {
    private static final String ENDS = ".!?…。！？";
    private static final List<String> ABBREVIATIONS = List.of("mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "no", "jr", "sr");
    private static final java.util.regex.Pattern QUOTATIVE = java.util.regex.Pattern.compile(
            "\\s*(?:이?라고|하고|라며|라는|고\\s|(?:he|she|they|i|we|you)\\s+(?:said|asked|shouted|says)\\b)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private final StringBuilder pending = new StringBuilder();

    /** All sentences of a complete text, trimmed, none empty. */
    public static List<String> split(String text) {
        SentenceSplitter s = new SentenceSplitter();
        List<String> out = new ArrayList<>(s.push(text));
        s.flush().ifPresent(out::add);
        return out;
    }

    /** Adds streamed text; returns the sentences it completed (a sentence ends only once what follows is seen). */
    public List<String> push(String chunk) {
        pending.append(chunk);
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            if (c == '\n') {
                add(out, pending.substring(start, i));
                start = i + 1;
                continue;
            }
            if (ENDS.indexOf(c) < 0) {
                continue;
            }
            int j = i + 1;
            while (j < pending.length() && (ENDS.indexOf(pending.charAt(j)) >= 0 || "\"'”’)]".indexOf(pending.charAt(j)) >= 0)) {
                j++;
            }
            if (j >= pending.length()) {
                break; // wait: more punctuation or a closing quote may follow
            }
            char next = pending.charAt(j);
            if (!Character.isWhitespace(next) && !isHangul(next) && c != '。' && c != '！' && c != '？') {
                continue; // 3.5, e.g., www.example.org
            }
            if (c == '.' && j == i + 1 && isAbbreviation(pending, start, i)) {
                continue;
            }
            if (j > i + 1 && QUOTATIVE.matcher(pending.subSequence(j, pending.length())).lookingAt()) {
                continue; // "멈춰!" 라고 했어요 / "Stop!" she said: the quote goes on
            }
            add(out, pending.substring(start, j));
            start = j;
            i = j - 1;
        }
        pending.delete(0, start);
        return out;
    }

    /** The unfinished rest, as the last sentence; the splitter is empty afterwards. */
    public Optional<String> flush() {
        String rest = pending.toString().strip();
        pending.setLength(0);
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    private static boolean isAbbreviation(CharSequence text, int start, int dot) {
        int k = dot;
        while (k > start && !Character.isWhitespace(text.charAt(k - 1))) {
            k--;
        }
        String word = text.subSequence(k, dot).toString().toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(text.charAt(k))) {
            return true; // an initial: "J. Smith"
        }
        return ABBREVIATIONS.contains(word);
    }

    private static boolean isHangul(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }
}
