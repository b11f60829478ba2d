package dev.voicebot.brain.fastpath;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads a Korean numeral written in Hangul: sino-Korean ("일", "이", "삼", "십", "구십", "백팔십",
 * "삼백육십"), sino-Korean decimals with 점 ("이점오" = 2.5, "영점오" = 0.5, "점오" = 0.5), native
 * Korean ("하나", "둘", "셋", "한", "두", "세", "열다섯", "스물", "서른") and "반" (a half).
 * The whole string must be one numeral.
 */
final class KoreanNumbers {
    private static final Map<Character, Integer> SINO_DIGITS = Map.of('일', 1, '이', 2, '삼', 3, '사', 4, '오', 5,
            '육', 6, '륙', 6, '칠', 7, '팔', 8, '구', 9);
    private static final Map<Character, Integer> SINO_UNITS = Map.of('십', 10, '백', 100, '천', 1000);
    private static final Map<String, Integer> NATIVE_TENS = Map.of("열", 10, "스물", 20, "스무", 20, "서른", 30,
            "마흔", 40, "쉰", 50, "예순", 60, "일흔", 70, "여든", 80, "아흔", 90);
    private static final Map<String, Integer> NATIVE_ONES = Map.ofEntries(Map.entry("하나", 1), Map.entry("한", 1),
            Map.entry("둘", 2), Map.entry("두", 2), Map.entry("셋", 3), Map.entry("세", 3), Map.entry("석", 3),
            Map.entry("넷", 4), Map.entry("네", 4), Map.entry("넉", 4), Map.entry("다섯", 5), Map.entry("여섯", 6),
            Map.entry("일곱", 7), Map.entry("여덟", 8), Map.entry("아홉", 9));
    private static final String ALPHABET = alphabet();
    /** Longer runs are never one numeral we accept ("구천구백구십구점구구" is 11). */
    static final int MAX_LENGTH = 12;

    private KoreanNumbers() {
    }

    private static String alphabet() {
        StringBuilder b = new StringBuilder("영공점반");
        SINO_DIGITS.keySet().forEach(b::append);
        SINO_UNITS.keySet().forEach(b::append);
        NATIVE_TENS.keySet().forEach(b::append);
        NATIVE_ONES.keySet().forEach(b::append);
        return b.toString();
    }

    /** How many characters from {@code from} could belong to a numeral (an upper bound for {@link #parse}). */
    static int runLength(String s, int from) {
        int n = 0;
        while (from + n < s.length() && n < MAX_LENGTH && ALPHABET.indexOf(s.charAt(from + n)) >= 0) {
            n++;
        }
        return n;
    }

    static OptionalDouble parse(String s) {
        if (s.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (s.equals("반")) {
            return OptionalDouble.of(0.5);
        }
        int point = s.indexOf('점');
        if (point >= 0) {
            return decimal(s.substring(0, point), s.substring(point + 1));
        }
        if (s.equals("영") || s.equals("공")) {
            return OptionalDouble.of(0);
        }
        OptionalDouble sino = sino(s);
        return sino.isPresent() ? sino : nativeNumber(s);
    }

    private static OptionalDouble decimal(String whole, String fraction) {
        long integer;
        if (whole.isEmpty() || whole.equals("영") || whole.equals("공")) {
            integer = 0;
        } else {
            OptionalDouble w = sino(whole);
            if (w.isEmpty()) {
                return OptionalDouble.empty();
            }
            integer = (long) w.getAsDouble();
        }
        if (fraction.isEmpty()) {
            return OptionalDouble.empty();
        }
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < fraction.length(); i++) {
            char c = fraction.charAt(i);
            Integer d = SINO_DIGITS.get(c);
            if (d != null) {
                digits.append(d.intValue());
            } else if (c == '영' || c == '공') {
                digits.append('0');
            } else {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(Double.parseDouble(integer + "." + digits));
    }

    /** Sino-Korean whole numbers up to 9999: [digit]천 [digit]백 [digit]십 [digit]. */
    private static OptionalDouble sino(String s) {
        long total = 0;
        int pending = -1;
        int lastUnit = Integer.MAX_VALUE;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            Integer d = SINO_DIGITS.get(c);
            if (d != null) {
                if (pending != -1) {
                    return OptionalDouble.empty(); // "이일" is not a number
                }
                pending = d;
                continue;
            }
            Integer unit = SINO_UNITS.get(c);
            if (unit == null || unit >= lastUnit) {
                return OptionalDouble.empty();
            }
            total += (long) (pending == -1 ? 1 : pending) * unit;
            pending = -1;
            lastUnit = unit;
        }
        if (pending != -1) {
            total += pending;
        }
        return OptionalDouble.of(total);
    }

    /** Native Korean 1..99: an optional tens word then an optional ones word. */
    private static OptionalDouble nativeNumber(String s) {
        int value = 0;
        String rest = s;
        for (Map.Entry<String, Integer> tens : NATIVE_TENS.entrySet()) {
            if (rest.startsWith(tens.getKey())) {
                value = tens.getValue();
                rest = rest.substring(tens.getKey().length());
                break;
            }
        }
        if (!rest.isEmpty()) {
            Integer ones = NATIVE_ONES.get(rest);
            if (ones == null) {
                return OptionalDouble.empty();
            }
            value += ones;
        }
        return value == 0 ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
