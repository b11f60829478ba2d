package dev.voicebot.brain.fastpath;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an English number at a token position: digits ("2", "2.5"), words up to 999 ("one",
 * "twenty five", "one hundred and eighty"), decimals ("two point five", "point five"), fractions
 * ("a half", "half a", "a quarter", "three quarters", "one and a half", "2 and a half") and
 * "a couple (of)". A bare "a"/"an" is not a number here: "a meter" is read by the quantity parser.
 */
final class EnglishNumbers {
    private static final Map<String, Integer> ONES = Map.of("one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9);
    private static final Map<String, Integer> TEENS = Map.of("ten", 10, "eleven", 11, "twelve", 12,
            "thirteen", 13, "fourteen", 14, "fifteen", 15, "sixteen", 16, "seventeen", 17, "eighteen", 18,
            "nineteen", 19);
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Character> DECIMAL_DIGITS = Map.ofEntries(Map.entry("zero", '0'),
            Map.entry("oh", '0'), Map.entry("one", '1'), Map.entry("two", '2'), Map.entry("three", '3'),
            Map.entry("four", '4'), Map.entry("five", '5'), Map.entry("six", '6'), Map.entry("seven", '7'),
            Map.entry("eight", '8'), Map.entry("nine", '9'));

    private EnglishNumbers() {
    }

    /** True when the token is a number word or digits (used by the clause splitter around "and"). */
    static boolean isNumberToken(String token) {
        return ONES.containsKey(token) || TEENS.containsKey(token) || TENS.containsKey(token)
                || token.equals("hundred") || token.equals("zero") || isDigits(token);
    }

    static Optional<NumberMatch> parse(List<String> t, int i) {
        if (i >= t.size()) {
            return Optional.empty();
        }
        String w = t.get(i);
        switch (w) {
            case "a", "an" -> {
                String n = at(t, i + 1);
                return switch (n) {
                    case "half" -> Optional.of(new NumberMatch(0.5, i + 2));
                    case "quarter" -> Optional.of(new NumberMatch(0.25, skipOfA(t, i + 2)));
                    case "couple" -> Optional.of(new NumberMatch(2, skip(t, i + 2, "of")));
                    case "hundred" -> withFraction(t, cardinal(t, i + 1, true));
                    default -> Optional.empty();
                };
            }
            case "half" -> {
                return Optional.of(new NumberMatch(0.5, skipArticle(t, i + 1)));
            }
            case "quarter" -> {
                return Optional.of(new NumberMatch(0.25, skipOfA(t, i + 1)));
            }
            case "couple" -> {
                return Optional.of(new NumberMatch(2, skip(t, i + 1, "of")));
            }
            case "point" -> {
                return decimals(t, i + 1, "0");
            }
            default -> {
                if (isDigits(w)) {
                    return withFraction(t, Optional.of(new NumberMatch(Double.parseDouble(w), i + 1)));
                }
                Optional<NumberMatch> whole = cardinal(t, i, false);
                if (whole.isEmpty()) {
                    return Optional.empty();
                }
                NumberMatch m = whole.get();
                if (at(t, m.end()).equals("point")) {
                    Optional<NumberMatch> dec = decimals(t, m.end() + 1, Long.toString((long) m.value()));
                    if (dec.isPresent()) {
                        return dec;
                    }
                }
                String after = at(t, m.end());
                if (after.equals("quarters") || (after.equals("quarter") && m.value() == 1)) {
                    return Optional.of(new NumberMatch(m.value() * 0.25, skipOfA(t, m.end() + 1)));
                }
                if (after.equals("halves") || (after.equals("half") && m.value() == 1)) {
                    return Optional.of(new NumberMatch(m.value() * 0.5, skipOfA(t, m.end() + 1)));
                }
                return withFraction(t, whole);
            }
        }
    }

    /** "... and a half" / "... and a quarter" after a whole number. */
    private static Optional<NumberMatch> withFraction(List<String> t, Optional<NumberMatch> whole) {
        if (whole.isEmpty()) {
            return whole;
        }
        NumberMatch m = whole.get();
        if (at(t, m.end()).equals("and") && at(t, m.end() + 1).equals("a")) {
            String f = at(t, m.end() + 2);
            if (f.equals("half")) {
                return Optional.of(new NumberMatch(m.value() + 0.5, m.end() + 3));
            }
            if (f.equals("quarter")) {
                return Optional.of(new NumberMatch(m.value() + 0.25, m.end() + 3));
            }
        }
        return whole;
    }

    private enum State { START, ZERO, ONES, TEENS, TENS, TENS_ONES, HUNDRED }

    /** Whole numbers 0..999 in words; {@code leadingA} means "a hundred" (the "a" already consumed). */
    private static Optional<NumberMatch> cardinal(List<String> t, int i, boolean leadingA) {
        int j = i;
        int value = 0;
        State state = State.START;
        if (leadingA) {
            value = 1;
            state = State.ONES;
        }
        while (j < t.size()) {
            String w = t.get(j);
            Integer v;
            if (w.equals("zero") && state == State.START) {
                state = State.ZERO;
            } else if ((v = ONES.get(w)) != null && (state == State.START || state == State.TENS || state == State.HUNDRED)) {
                value += v;
                state = state == State.TENS ? State.TENS_ONES : State.ONES;
            } else if ((v = TEENS.get(w)) != null && (state == State.START || state == State.HUNDRED)) {
                value += v;
                state = State.TEENS;
            } else if ((v = TENS.get(w)) != null && (state == State.START || state == State.HUNDRED)) {
                value += v;
                state = State.TENS;
            } else if (w.equals("hundred") && state == State.ONES) {
                value *= 100;
                state = State.HUNDRED;
            } else if (w.equals("and") && state == State.HUNDRED && j + 1 < t.size()
                    && (ONES.containsKey(t.get(j + 1)) || TEENS.containsKey(t.get(j + 1)) || TENS.containsKey(t.get(j + 1)))) {
                // "one hundred and eighty": the "and" belongs to the number
            } else {
                break;
            }
            j++;
        }
        if (state == State.START || (leadingA && j == i)) {
            return Optional.empty();
        }
        return Optional.of(new NumberMatch(value, j));
    }

    /** Digit words (or a digit string) after "point". */
    private static Optional<NumberMatch> decimals(List<String> t, int i, String wholePart) {
        StringBuilder digits = new StringBuilder();
        int j = i;
        while (j < t.size()) {
            Character d = DECIMAL_DIGITS.get(t.get(j));
            if (d != null) {
                digits.append(d.charValue());
                j++;
            } else if (digits.length() == 0 && isDigits(t.get(j)) && t.get(j).indexOf('.') < 0) {
                digits.append(t.get(j));
                j++;
                break;
            } else {
                break;
            }
        }
        if (digits.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new NumberMatch(Double.parseDouble(wholePart + "." + digits), j));
    }

    static boolean isDigits(String w) {
        if (w.isEmpty() || w.length() > 12) {
            return false;
        }
        boolean dot = false;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (c == '.') {
                if (dot || k == 0 || k == w.length() - 1) {
                    return false;
                }
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String at(List<String> t, int i) {
        return i < t.size() ? t.get(i) : "";
    }

    private static int skip(List<String> t, int i, String word) {
        return at(t, i).equals(word) ? i + 1 : i;
    }

    private static int skipArticle(List<String> t, int i) {
        String w = at(t, i);
        return w.equals("a") || w.equals("an") ? i + 1 : i;
    }

    /** "a quarter of a turn": skip "of a". */
    private static int skipOfA(List<String> t, int i) {
        if (at(t, i).equals("of") && (at(t, i + 1).equals("a") || at(t, i + 1).equals("an"))) {
            return i + 2;
        }
        return i;
    }
}
