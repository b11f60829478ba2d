package dev.voicebot.brain.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Undoes the ways people (and speech recognition) disguise or mangle words, so that rules can be
 * written once in plain spelling. Language-neutral except for Hangul handling; see {@link NormalizedText}.
 */
public final class TextNormalizer {
    private static final Map<Integer, Integer> CONJOINING_TO_COMPAT = conjoiningToCompat();
    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'),
            Map.entry('5', 's'), Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'),
            Map.entry('@', 'a'), Map.entry('$', 's'), Map.entry('!', 'i'), Map.entry('|', 'l'),
            Map.entry('+', 't'), Map.entry('€', 'e'));
    /** Cyrillic and Greek letters that look like Latin ones; applied only inside tokens with Latin letters. */
    private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('к', 'k'),
            Map.entry('м', 'm'), Map.entry('т', 't'), Map.entry('в', 'b'), Map.entry('н', 'h'),
            Map.entry('ο', 'o'), Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'),
            Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('τ', 't'), Map.entry('υ', 'u'),
            Map.entry('ρ', 'p'), Map.entry('χ', 'x'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'));
    private static final String LEADING_PUNCT = "\"'([{<«“‘";
    private static final String TRAILING_PUNCT = ".,!?;:\"')]}>»”’…~";
    private static final String SPLIT_PUNCT = ".,!?;:\"'";

    private final List<String> maskVocabulary;

    /** @param maskVocabulary words that a masked token such as {@code f*ck} or {@code st#pid} may stand for */
    public TextNormalizer(Set<String> maskVocabulary) {
        ensureNotNull(maskVocabulary, "maskVocabulary");
        this.maskVocabulary = List.copyOf(new TreeSet<>(maskVocabulary));
    }

    public NormalizedText normalize(String raw) {
        ensureNotNull(raw, "text");
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = restoreCompatibilityJamo(s).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"')
                .replace("ㅄ", "ㅂㅅ").replace('「', '"').replace('」', '"').replace('『', '"').replace('』', '"');
        // Korean quotes hug the particles: '틀딱'은 → ' 틀딱 ' 은, so the quoted word stands apart
        s = s.replaceAll("(?<=\\p{IsHangul})(['\"])|(['\"])(?=\\p{IsHangul})", " $1$2 ");
        List<String> tokens = new ArrayList<>();
        for (String raw0 : s.strip().split("\\s+")) {
            if (!raw0.isEmpty()) {
                splitAndClean(raw0, tokens);
            }
        }
        String text = String.join(" ", tokens);
        String joined = String.join(" ", joinSingleLetterRuns(tokens));
        return new NormalizedText(raw, text, joined);
    }

    private void splitAndClean(String token, List<String> out) {
        int start = 0;
        int end = token.length();
        List<String> lead = new ArrayList<>();
        while (start < end && LEADING_PUNCT.indexOf(token.charAt(start)) >= 0) {
            char c = token.charAt(start++);
            if (SPLIT_PUNCT.indexOf(c) >= 0) {
                lead.add(String.valueOf(c));
            }
        }
        List<String> trail = new ArrayList<>();
        while (end > start && TRAILING_PUNCT.indexOf(token.charAt(end - 1)) >= 0) {
            char c = token.charAt(--end);
            // "sh!t" keeps its '!', "idiot!" loses it; a trailing '!' after letters is punctuation
            if (SPLIT_PUNCT.indexOf(c) >= 0 && (trail.isEmpty() || !trail.get(0).equals(String.valueOf(c)))) {
                trail.add(0, String.valueOf(c));
            }
        }
        out.addAll(lead);
        if (start < end) {
            String word = cleanWord(token.substring(start, end));
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        out.addAll(trail);
    }

    String cleanWord(String w) {
        if (hasHangul(w)) {
            w = w.replaceAll("(?<=[\\p{IsHangul}])[0-9\\p{Punct}_·ㆍ]+(?=[\\p{IsHangul}])", "");
            return squeezeHangulVowels(w);
        }
        if (!hasLatin(w)) {
            return w;
        }
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            b.append(HOMOGLYPHS.getOrDefault(c, c));
        }
        w = b.toString();
        if (w.matches("(\\p{L}[.\\-_])+\\p{L}")) {
            w = w.replaceAll("[.\\-_]", "");
        }
        if (w.matches(".*[a-z].*") && w.matches(".*[013457895@$!|+€].*") && !w.matches("[0-9]+(st|nd|rd|th|s|am|pm|m|km|kg|cm|mm|g)")) {
            StringBuilder leet = new StringBuilder(w.length());
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                leet.append(LEET.getOrDefault(c, c));
            }
            w = leet.toString();
        }
        if (w.indexOf('*') >= 0 || w.indexOf('#') >= 0) {
            w = unmask(w);
        }
        return w.replaceAll("(\\p{L})\\1{2,}", "$1$1");
    }

    private String unmask(String w) {
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                letters++;
            }
        }
        if (letters < 2) {
            return w;
        }
        for (String candidate : maskVocabulary) {
            if (candidate.length() == w.length() && maskMatches(w, candidate)) {
                return candidate;
            }
        }
        return w;
    }

    private static boolean maskMatches(String masked, String word) {
        for (int i = 0; i < masked.length(); i++) {
            char m = masked.charAt(i);
            if (m != '*' && m != '#' && m != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** "바아아보" → "바보": an ㅇ-initial open syllable that repeats the vowel before it only stretches it. */
    private static String squeezeHangulVowels(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (b.length() > 0 && isSyllable(c) && isSyllable(b.charAt(b.length() - 1))) {
                int cur = c - 0xAC00;
                int prev = b.charAt(b.length() - 1) - 0xAC00;
                boolean openIeung = cur / (21 * 28) == 11 && cur % 28 == 0;
                boolean prevOpen = prev % 28 == 0;
                if (openIeung && prevOpen && (cur / 28) % 21 == (prev / 28) % 21) {
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    private static List<String> joinSingleLetterRuns(List<String> tokens) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            boolean hangul = isSingleHangul(tokens.get(i));
            if (!hangul && !isSingleLatin(tokens.get(i))) {
                out.add(tokens.get(i++));
                continue;
            }
            int j = i;
            while (j < tokens.size() && (hangul ? isSingleHangul(tokens.get(j)) : isSingleLatin(tokens.get(j)))) {
                j++;
            }
            if (!hangul && j - i >= 4 && tokens.get(i).equals("a")) {
                out.add(tokens.get(i++));
            }
            List<String> run = tokens.subList(i, j);
            if (run.size() >= (hangul ? 2 : 3)) {
                out.add(String.join("", run));
            } else {
                out.addAll(run);
            }
            i = j;
        }
        return out;
    }

    private static boolean isSingleLatin(String t) {
        return t.length() == 1 && t.charAt(0) >= 'a' && t.charAt(0) <= 'z';
    }

    /** One-syllable Korean words that stand alone in ordinary sentences; they end a run to join. */
    private static final String KOREAN_SHORT_WORDS = "너나난넌니내네이그저좀안못다또왜뭐더잘꼭참막딱제걔쟤날널뭘";

    private static boolean isSingleHangul(String t) {
        return t.length() == 1 && (isSyllable(t.charAt(0)) || isCompatJamo(t.charAt(0))) && KOREAN_SHORT_WORDS.indexOf(t.charAt(0)) < 0;
    }

    private static boolean isSyllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    private static boolean isCompatJamo(char c) {
        return c >= 0x3131 && c <= 0x318E;
    }

    private static boolean hasHangul(String w) {
        return w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    private static boolean hasLatin(String w) {
        return w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN);
    }

    /** NFKC turns ㅅ (compatibility jamo) into a conjoining jamo; turn it back so "ㅅㅂ" stays "ㅅㅂ". */
    private static String restoreCompatibilityJamo(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(CONJOINING_TO_COMPAT.getOrDefault(cp, cp)));
        return b.toString();
    }

    private static Map<Integer, Integer> conjoiningToCompat() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int compat = 0x3131; compat <= 0x318E; compat++) {
            String n = Normalizer.normalize(String.valueOf((char) compat), Normalizer.Form.NFKC);
            if (n.length() == 1 && n.charAt(0) != compat) {
                map.putIfAbsent((int) n.charAt(0), compat);
            }
        }
        return Map.copyOf(map);
    }
}
