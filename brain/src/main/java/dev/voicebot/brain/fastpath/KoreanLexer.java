package dev.voicebot.brain.fastpath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Cuts Korean text with its spaces removed ("앞으로1미터가") into lexemes, left to right. At each
 * position it tries, in order: a digit number ("1", "2.5") with an optional unit; a Hangul numeral
 * that is directly followed by a unit ("일미터", "구십도", "반바퀴": the unit is required, so the 이 of
 * 이동 or the 오 of 오른쪽 is never read as a number); then the longest lexicon word. A "반" after an
 * amount adds half a unit ("1미터 반"). Anything else rejects the text.
 */
final class KoreanLexer {

    Optional<List<KoreanLexeme>> lex(String s) {
        List<KoreanLexeme> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end;
            if (c >= '0' && c <= '9') {
                end = digits(s, i, out);
            } else {
                end = numeral(s, i, out);
                if (end < 0) {
                    var hit = KoreanLexicon.word(s, i);
                    if (hit.isPresent()) {
                        out.add(hit.get().value());
                        end = hit.get().end();
                    }
                }
            }
            if (end < 0) {
                return Optional.empty();
            }
            i = end;
        }
        return Optional.of(out);
    }

    private static int digits(String s, int i, List<KoreanLexeme> out) {
        int j = i;
        while (j < s.length() && ((s.charAt(j) >= '0' && s.charAt(j) <= '9') || s.charAt(j) == '.') && j - i < 12) {
            j++;
        }
        String number = s.substring(i, j);
        if (!EnglishNumbers.isDigits(number)) {
            return -1;
        }
        double value = Double.parseDouble(number);
        var unit = KoreanLexicon.unit(s, j);
        if (unit.isEmpty()) {
            return amount(new Quantity(value, Quantity.Unit.BARE), j, s, out);
        }
        return amount(unit.get().value().quantity(value), unit.get().end(), s, out, unit.get().value());
    }

    /** A Hangul numeral directly followed by a unit; -1 when there is none at {@code i}. */
    private static int numeral(String s, int i, List<KoreanLexeme> out) {
        for (int len = KoreanNumbers.runLength(s, i); len >= 1; len--) {
            OptionalDouble value = KoreanNumbers.parse(s.substring(i, i + len));
            if (value.isEmpty()) {
                continue;
            }
            var unit = KoreanLexicon.unit(s, i + len);
            if (unit.isPresent()) {
                UnitSpec spec = unit.get().value();
                return amount(spec.quantity(value.getAsDouble()), unit.get().end(), s, out, spec);
            }
        }
        return -1;
    }

    private static int amount(Quantity q, int end, String s, List<KoreanLexeme> out) {
        return amount(q, end, s, out, null);
    }

    /** Adds an amount (or a speed after 초속/초당), taking a following "반" as half a unit more. */
    private static int amount(Quantity q, int end, String s, List<KoreanLexeme> out, UnitSpec spec) {
        if (spec != null && s.startsWith("반", end) && KoreanLexicon.word(s, end).isEmpty()) {
            q = new Quantity(q.value() + spec.apply(0.5), q.unit());
            end++;
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof KoreanLexeme.PerSecondLead) {
            out.set(out.size() - 1, new KoreanLexeme.SpeedWord(new Speed.PerSecond(q)));
        } else {
            out.add(new KoreanLexeme.Amount(q));
        }
        return end;
    }
}
