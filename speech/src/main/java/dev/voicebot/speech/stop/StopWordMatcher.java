package dev.voicebot.speech.stop;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a stop word in a transcript. Words written in Latin letters match as whole words, case and
 * punctuation ignored ("Stop!", "please stop now"); Korean words match inside a phrase, because
 * Korean attaches endings and particles ("멈춰요", "정지해", "그만해").
 */
public final class StopWordMatcher {
    private record Rule(String word, Pattern pattern) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public StopWordMatcher(List<String> words) {
        ensureNotNull(words, "words");
        for (String w : words) {
            String n = normalize(w).strip();
            if (n.isEmpty()) {
                continue;
            }
            boolean latin = n.chars().allMatch(c -> c < 0x250 || Character.isWhitespace(c));
            String quoted = Pattern.quote(n);
            rules.add(new Rule(w, Pattern.compile(latin ? "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])" : quoted)));
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("no stop words given");
        }
    }

    /** The first configured stop word found in {@code text}. */
    public Optional<String> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String n = normalize(text);
        for (Rule r : rules) {
            if (r.pattern.matcher(n).find()) {
                return Optional.of(r.word);
            }
        }
        return Optional.empty();
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]", " ");
    }
}
