package dev.voicebot.runtime.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with a placeholder naming its kind: e-mail addresses (also
 * spoken, "kim at example dot com") become {@code [email]}; phone numbers (North American formats,
 * Korean {@code 010-1234-5678}, {@code 02-123-4567}, {@code +82 10 ...} and other {@code +} numbers)
 * become {@code [phone]}; digit runs of 13 to 19 digits that pass the Luhn check become {@code [card]};
 * Korean resident registration numbers (six-digit birth date, seven digits) and US social security
 * numbers ({@code 123-45-6789}) become {@code [id]}. Ordinary numbers ("move 2 meters", "turn 90
 * degrees", "1.5") are left alone. Thread-safe and stateless.
 */
public final class Redactor {
    public static final String EMAIL = "[email]";
    public static final String PHONE = "[phone]";
    public static final String CARD = "[card]";
    public static final String ID = "[id]";

    private static final Pattern EMAIL_WRITTEN = Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}(?![\\w-])",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL_SPOKEN = Pattern.compile(
            "(?i)(?<![a-z0-9])[a-z0-9._-]+(?:\\s+dot\\s+[a-z0-9_-]+)*\\s+at\\s+[a-z0-9-]+(?:\\s+dot\\s+[a-z0-9-]+)*\\s+dot\\s+"
                    + "(?:com|net|org|edu|gov|io|kr|co|uk|de|fr|jp|info|me)(?![a-z0-9])");
    /** A run of digits with the separators people and speech recognisers put between them. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![A-Za-z0-9])\\+?\\(?\\d(?:[\\d().-]|[ \\t](?=[\\d(+]))*\\d(?![A-Za-z0-9])");
    private static final Pattern SSN = Pattern.compile("(\\d{3})[- ](\\d{2})[- ](\\d{4})");
    private static final Pattern RRN = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})[- ]?([0-9])\\d{6}");
    private static final Pattern SSN_CONTEXT = Pattern.compile("(?i)(ssn|social security|주민\\s*(등록)?\\s*번호)");

    /** The text with every piece of personal data replaced; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = EMAIL_WRITTEN.matcher(text).replaceAll(Matcher.quoteReplacement(EMAIL));
        out = EMAIL_SPOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(EMAIL));
        boolean idContext = SSN_CONTEXT.matcher(out).find();
        Matcher m = DIGIT_RUN.matcher(out);
        StringBuilder sb = new StringBuilder(out.length());
        int last = 0;
        while (m.find()) {
            sb.append(out, last, m.start());
            sb.append(redactRun(m.group(), idContext));
            last = m.end();
        }
        sb.append(out, last, out.length());
        return sb.toString();
    }

    /** True when {@link #redact} would change the text. */
    public boolean containsPersonalData(String text) {
        return text != null && !text.equals(redact(text));
    }

    /**
     * A digit run may join several numbers separated by spaces ("4111 1111 1111 1111 12 25"): when the
     * whole run is not personal data, the longest runs of its space-separated groups are tried.
     */
    private static String redactRun(String run, boolean idContext) {
        String kind = classify(run, idContext);
        if (kind != null) {
            return kind;
        }
        List<int[]> groups = new ArrayList<>();
        Matcher g = Pattern.compile("\\S+").matcher(run);
        while (g.find()) {
            groups.add(new int[] {g.start(), g.end()});
        }
        if (groups.size() < 2) {
            return run;
        }
        for (int len = groups.size() - 1; len >= 1; len--) {
            for (int from = 0; from + len <= groups.size(); from++) {
                int start = groups.get(from)[0];
                int end = groups.get(from + len - 1)[1];
                String k = classify(run.substring(start, end), idContext);
                if (k != null) {
                    return redactRun(run.substring(0, start), idContext) + k + redactRun(run.substring(end), idContext);
                }
            }
        }
        return run;
    }

    /** The placeholder for one candidate, or null when it is not personal data. */
    static String classify(String candidate, boolean idContext) {
        String span = candidate.strip();
        if (span.isEmpty()) {
            return null;
        }
        String digits = span.replaceAll("\\D", "");
        int n = digits.length();
        boolean separated = !span.equals(digits);
        Matcher ssn = SSN.matcher(span);
        if (ssn.matches() && validSsn(ssn.group(1), ssn.group(2), ssn.group(3))) {
            return ID;
        }
        if (n == 9 && !separated && idContext && validSsn(digits.substring(0, 3), digits.substring(3, 5), digits.substring(5))) {
            return ID;
        }
        Matcher rrn = RRN.matcher(span);
        if (rrn.matches() && plausibleDate(rrn.group(2), rrn.group(3))
                && (span.contains("-") || span.contains(" ") || "12345678".indexOf(rrn.group(4).charAt(0)) >= 0)) {
            return ID;
        }
        if (n >= 13 && n <= 19 && luhn(digits)) {
            return CARD;
        }
        if (span.startsWith("+") && n >= 8 && n <= 15) {
            return PHONE;
        }
        if ((n == 10 || n == 11) && digits.startsWith("01")) {
            return PHONE; // Korean mobile: 010-1234-5678, 011-123-4567
        }
        if (digits.startsWith("0") && n >= 9 && n <= 11 && separated) {
            return PHONE; // Korean and other national numbers: 02-123-4567, 031-123-4567
        }
        if (n == 10 && digits.charAt(0) >= '2' && (separated || digits.charAt(3) >= '2')) {
            return PHONE; // North American: (555) 123-4567, 555.123.4567, 5552345678
        }
        if (n == 11 && digits.startsWith("1") && digits.charAt(1) >= '2' && (separated || digits.charAt(4) >= '2')) {
            return PHONE; // 1-555-123-4567
        }
        if (n == 7 && separated && span.matches("\\d{3}[-.]\\d{4}")) {
            return PHONE; // local 555-1234
        }
        return null;
    }

    private static boolean validSsn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000");
    }

    private static boolean plausibleDate(String month, String day) {
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        return m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    /** The Luhn check digit test used by payment card numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0 && !digits.chars().allMatch(c -> c == '0');
    }
}
