package dev.voicebot.brain.fastpath;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans an utterance for the grammars: Unicode NFKC (full-width digits and punctuation become
 * ASCII), lower case, apostrophes dropped ("don't" → "dont"), hyphens and other symbols become spaces,
 * digits glued to letters are separated ("2m" → "2 m", "90도" → "90 도"), "/" reads "per",
 * "°" reads "deg", and clause punctuation (. , ; : ! ?) becomes a "," token. A decimal point between
 * digits stays. A question mark is remembered.
 */
final class TextNormalizer {

    NormalizedText normalize(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 8);
        boolean question = false;
        boolean hangul = false;
        int prevKind = SPACE;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            int kind;
            if (isAsciiDigit(cp)) {
                kind = DIGIT;
            } else if (Character.isLetter(cp)) {
                kind = LETTER;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
                    hangul = true;
                }
            } else {
                kind = SPACE;
            }
            if (kind != SPACE) {
                if (prevKind != SPACE && prevKind != kind) {
                    out.append(' ');
                }
                out.appendCodePoint(cp);
                prevKind = kind;
                i = next;
                continue;
            }
            switch (cp) {
                case '.' -> {
                    boolean nextDigit = next < s.length() && isAsciiDigit(s.charAt(next));
                    if (prevKind == DIGIT && nextDigit) {
                        out.append('.');
                        i = next;
                        continue; // stays inside the number
                    } else if (nextDigit) {
                        out.append(" 0.");
                        prevKind = DIGIT;
                        i = next;
                        continue;
                    }
                    out.append(" , ");
                }
                case ',', ';', ':', '!', '\u3002', '\u3001', '\u2026' -> out.append(" , ");
                case '?' -> {
                    question = true;
                    out.append(" , ");
                }
                case '\'', '\u2019', '\u2018', '`' -> {
                    i = next;
                    continue; // "don't" -> "dont": keep the word together
                }
                case '/' -> out.append(" per ");
                case '\u00b0' -> out.append(" deg ");
                case '&' -> out.append(" and ");
                case '-' -> out.append(prevKind != LETTER && next < s.length() && isAsciiDigit(s.charAt(next)) ? " - " : " ");
                default -> out.append(' ');
            }
            prevKind = SPACE;
            i = next;
        }
        return new NormalizedText(collapseSpaces(out), question, hangul);
    }

    private static final int SPACE = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;

    private static boolean isAsciiDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    private static String collapseSpaces(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (!space) {
                    b.append(' ');
                }
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        int end = b.length();
        if (end > 0 && b.charAt(end - 1) == ' ') {
            b.setLength(end - 1);
        }
        return b.toString();
    }
}
