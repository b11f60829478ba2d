package dev.voicebot.runtime.feedback;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hears a person reporting what the robot just said: "that was rude", "I want to report that",
 * "that hurt my feelings", "그 말 기분 나빠", "신고할게", "말이 너무 심하네". Negated or general
 * statements ("that wasn't rude", "it's rude to interrupt", "기분 안 나빠", "경찰에 신고해 줘") are not
 * reports. The result names the reason: {@code rude}, {@code offensive}, {@code hurtful} or
 * {@code report} (no reason given). Thread-safe.
 */
public final class ReportDetector {
    private record Rule(Pattern pattern, String reason) {
    }

    private static final String EN_INTENSIFIERS = "(?:(?:so|really|very|pretty|kind of|kinda|a bit|a little|quite|too|totally|extremely|super|just|actually|honestly)\\s+)*";
    private static final String EN_SUBJECT = "(?:that|this|it|what you (?:just )?said|your (?:last )?(?:answer|reply|response|comment)|you)";
    private static final String EN_BE = "(?:\\s+(?:was|is|were|are|sounded|sounds|seems|seemed|felt|feels)\\s+|'s\\s+|'re\\s+)";

    private static final List<Rule> ENGLISH = List.of(
            new Rule(en(EN_SUBJECT + EN_BE + EN_INTENSIFIERS + "(?:rude|disrespectful|impolite|condescending|patronizing|patronising|out of line|uncalled for)\\b"), "rude"),
            new Rule(en(EN_SUBJECT + EN_BE + EN_INTENSIFIERS + "(?:offensive|insulting|inappropriate|racist|sexist|creepy|nasty|vulgar|not (?:ok|okay|cool|appropriate|acceptable))\\b"), "offensive"),
            new Rule(en(EN_SUBJECT + EN_BE + EN_INTENSIFIERS + "(?:mean|hurtful|harsh|cruel|not (?:nice|kind))\\b"), "hurtful"),
            new Rule(en("(?:that|this|you|your (?:answer|reply|words)) (?:really |just )?hurt(?:s)? my feelings\\b"), "hurtful"),
            new Rule(en("how (?:rude|dare you|mean|offensive)\\b"), "rude"),
            new Rule(en("(?:don't|do not) (?:talk|speak) to me like that\\b"), "rude"),
            new Rule(en("watch your (?:tone|language|mouth)\\b"), "rude"),
            new Rule(en("(?:i|i'd|i would|i will|i'll|i'm going to|i am going to|i'm gonna|let me|i want to|i wanna)\\s+(?:like to\\s+|want to\\s+)?"
                    + "(?:report|flag)\\s+(?:that|this|it|you|what you (?:just )?said|your (?:last )?(?:answer|reply|response))\\b"), "report"),
            new Rule(Pattern.compile("^\\s*(?:please\\s+)?(?:report|flag)\\s+(?:that|this|it)(?:\\s+(?:reply|answer|response|one))?\\s*,?\\s*(?:please)?\\s*[.!]*\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), "report"));

    /** Matched on the text with spaces removed: Korean spacing varies, and speech recognisers vary it more. */
    private static final List<Rule> KOREAN = List.of(
            new Rule(Pattern.compile("신고(?:할게|할께|할래|하겠|하고싶|할거|할꺼|합니다|할게요|해야겠)"), "report"),
            new Rule(Pattern.compile("기분(?:이|이좀|좀|이너무|너무|이진짜|진짜|이정말|정말)?(?:나빠|나쁘(?!지않)|나쁜|상해|상하(?!지않)|상했)"), "hurtful"),
            new Rule(Pattern.compile("상처(?:받았|받아|받네|받았어|줬|주네|주는말|받잖)"), "hurtful"),
            new Rule(Pattern.compile("(?:무례(?:해|하네|하다|하잖|하시|한)(?!지않))|(?:버릇없)"), "rude"),
            new Rule(Pattern.compile("(?:불쾌(?:해|하네|하다|하잖|했|한)(?!지않))"), "offensive"),
            new Rule(Pattern.compile("(?:말|말투|말씀)(?:이|가|은|는)?(?:좀|너무|진짜|정말|참)?(?:심하|심했|지나치|지나쳤|거칠|험하)"), "rude"),
            new Rule(Pattern.compile("(?:그말|방금그말|그런말|방금말)(?:은|이)?(?:좀|너무|진짜|정말)?(?:싫어|별로야|하지마|듣기싫)"), "hurtful"),
            new Rule(Pattern.compile("(?:너무하(?:네|다|잖|세요|시네|시다)|너무해)"), "hurtful"));

    private static final Pattern ENGLISH_NEGATION = Pattern.compile(
            "(?i)\\b(?:wasn't|isn't|weren't|aren't|not|never)\\s+" + EN_INTENSIFIERS
                    + "(?:rude|mean|offensive|hurtful|insulting|inappropriate)");
    private static final Pattern GENERAL_STATEMENT = Pattern.compile("(?i)\\b(?:it|it's|it is)\\b.*\\b(?:to|when|if)\\b");
    private static final Pattern KOREAN_NEGATION = Pattern.compile("(?:안나빠|안나쁘|안상해|안무례|안불쾌|안심하|나쁘지않|무례하지않|불쾌하지않|심하지않)");
    private static final Pattern EMERGENCY_REPORT = Pattern.compile("(?:경찰|112|119|소방|police|911|fire department|ambulance)", Pattern.CASE_INSENSITIVE);

    /** A report heard in a text: why, and the phrase that said so. */
    public record Report(String reason, String phrase) {
    }

    private static Pattern en(String body) {
        return Pattern.compile("(?<![\\p{L}'])" + body, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The report in {@code text}, if it is one. */
    public Optional<Report> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2019', '\'').replace('\u2018', '\'')
                .toLowerCase(Locale.ROOT).strip();
        if (EMERGENCY_REPORT.matcher(t).find()) {
            return Optional.empty();
        }
        if (!ENGLISH_NEGATION.matcher(t).find()) {
            for (Rule r : ENGLISH) {
                Matcher m = r.pattern().matcher(t);
                if (m.find() && !generalStatement(t, m)) {
                    return Optional.of(new Report(r.reason(), m.group().strip()));
                }
            }
        }
        String compact = t.replaceAll("\\s+", "");
        if (!KOREAN_NEGATION.matcher(compact).find()) {
            for (Rule r : KOREAN) {
                Matcher m = r.pattern().matcher(compact);
                if (m.find()) {
                    return Optional.of(new Report(r.reason(), m.group()));
                }
            }
        }
        return Optional.empty();
    }

    /** "It's rude to interrupt": about manners in general, not about the reply. */
    private static boolean generalStatement(String text, Matcher m) {
        String from = text.substring(m.start());
        return from.startsWith("it") && GENERAL_STATEMENT.matcher(from).find();
    }
}
