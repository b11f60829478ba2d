package dev.voicebot.brain.fastpath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-word phrases (space-separated) with a value each, matched longest first against a token list.
 * Immutable once built.
 */
final class PhraseTable<V> {
    record Match<V>(V value, int end) {
    }

    private record Entry<V>(String[] words, V value) {
    }

    private final Map<String, List<Entry<V>>> byFirstWord;

    private PhraseTable(Map<String, List<Entry<V>>> byFirstWord) {
        this.byFirstWord = byFirstWord;
    }

    static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** The longest phrase that starts at {@code from}, or empty. */
    Optional<Match<V>> longest(List<String> tokens, int from) {
        if (from >= tokens.size()) {
            return Optional.empty();
        }
        List<Entry<V>> candidates = byFirstWord.get(tokens.get(from));
        if (candidates == null) {
            return Optional.empty();
        }
        for (Entry<V> e : candidates) { // sorted longest first
            if (matches(e.words(), tokens, from)) {
                return Optional.of(new Match<>(e.value(), from + e.words().length));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] words, List<String> tokens, int from) {
        if (from + words.length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!words[k].equals(tokens.get(from + k))) {
                return false;
            }
        }
        return true;
    }

    static final class Builder<V> {
        private final Map<String, List<Entry<V>>> map = new HashMap<>();

        Builder<V> add(V value, String... phrases) {
            for (String phrase : phrases) {
                String[] words = phrase.split(" ");
                List<Entry<V>> list = map.computeIfAbsent(words[0], k -> new ArrayList<>());
                for (Entry<V> e : list) {
                    if (String.join(" ", e.words()).equals(phrase)) {
                        throw new IllegalStateException("phrase '" + phrase + "' is listed twice");
                    }
                }
                list.add(new Entry<>(words, value));
            }
            return this;
        }

        PhraseTable<V> build() {
            Map<String, List<Entry<V>>> copy = new HashMap<>();
            map.forEach((k, v) -> {
                List<Entry<V>> sorted = new ArrayList<>(v);
                sorted.sort((a, b) -> Integer.compare(b.words().length, a.words().length));
                copy.put(k, List.copyOf(sorted));
            });
            return new PhraseTable<>(Map.copyOf(copy));
        }
    }
}
