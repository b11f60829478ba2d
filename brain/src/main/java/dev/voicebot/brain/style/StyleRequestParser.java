package dev.voicebot.brain.style;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises spoken requests to change how the robot talks ("please answer more briefly", "be more
 * formal", "반말로 해도 돼", "존댓말 써줘", "call yourself Nabi") and turns them into typed
 * {@link StyleChange}s. Only requests count: a question about a word ("what does formal mean?") is
 * not one. Empty when the utterance asks for no change. Thread-safe.
 */
public final class StyleRequestParser {
    private record Rule(Pattern pattern, List<StyleChange> changes) {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String REQUEST_EN = "(?:please|can you|could you|would you|will you|i want you to|i'd like you to|"
            + "try to|from now on|just|be|talk|speak|answer|reply|respond|keep|make|use|go|sound|stay|stop being|don't be|no need to be)";
    private static final Pattern QUESTION_ABOUT_WORDS = Pattern.compile(
            "\\b(?:what (?:does|is)|meaning of|how do you (?:spell|say))\\b|(?:무슨 뜻|뜻이 뭐|의미가 뭐)", FLAGS);
    private static final Pattern PERSONA_EN = Pattern.compile(
            "\\b(?:call yourself|your name is(?: now)?|i(?:'ll| will) call you|i name you|be called)\\s+([\\p{L}][\\p{L}\\p{N}'\\-]{0,39})", FLAGS);
    private static final Pattern PERSONA_KO = Pattern.compile(
            "(?:(?:네|너의|니|너) 이름은|이제부터 (?:넌|너는))\\s*([가-힣A-Za-z]{1,20}?)(?:이야|야|이에요|예요|이다|다|로 해|으로 해|라고 해)"
            + "|(?:너를|널|너)\\s*([가-힣A-Za-z]{1,20}?)(?:이라고|라고) 부를", FLAGS);

    private final List<Rule> rules = new ArrayList<>();

    public StyleRequestParser() {
        // Korean speech level; the negative forms first so that "반말 하지 마" is not read as "반말 해".
        add("반말\\s*(?:은|로|을)?\\s*(?:하지\\s*마|쓰지\\s*마|그만|하지\\s*말아|싫어)|존댓말\\s*(?:을|로)?\\s*(?:써|해|쓰|부탁|해\\s*줘|해\\s*주세요)"
                + "|높임말\\s*(?:을|로)?\\s*(?:써|해|쓰)|존대\\s*해|말\\s*(?:을)?\\s*높여", new StyleChange.SetSpeechLevel(SpeechLevel.POLITE));
        add("존댓말\\s*(?:은|을)?\\s*(?:안\\s*써도|하지\\s*마|쓰지\\s*마|그만|안\\s*해도)|반말\\s*(?:로|을|해도|써도|해|써|하자|쓰자|해\\s*줘|로\\s*해)"
                + "|말\\s*(?:을)?\\s*(?:놓아|놔|편하게\\s*해)|편하게\\s*말해|말\\s*편하게", new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL));
        // English and Korean detail
        add("\\b" + REQUEST_EN + "\\b.{0,40}\\b(?:more briefly|briefly|brief|shorter|short|concise|concisely|to the point|less detail|fewer words|not so long|less wordy)\\b"
                + "|짧게|간단히|간단하게|간략하게|요점만|핵심만|짧은\\s*대답", new StyleChange.SetDetail(Detail.BRIEF));
        add("\\b" + REQUEST_EN + "\\b.{0,40}\\b(?:more detail|more detailed|in detail|detailed|longer|elaborate|explain more|more thorough|thoroughly)\\b"
                + "|자세히|자세하게|길게\\s*(?:말|대답|설명)|상세하게|구체적으로", new StyleChange.SetDetail(Detail.DETAILED));
        add("\\b" + REQUEST_EN + "\\b.{0,40}\\b(?:normal length|usual length|as usual)\\b|보통\\s*길이", new StyleChange.SetDetail(Detail.NORMAL));
        // tone
        add("\\b(?:stop being|don't be|no need to be|less)\\b.{0,12}\\b(?:formal|stiff|polite)\\b",
                new StyleChange.SetTone(Tone.WARM), new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL));
        add("\\b" + REQUEST_EN + "\\b.{0,30}\\b(?:more formal|formal|formally|professional|professionally|more polite|politely)\\b"
                + "|격식\\s*(?:있게|을\\s*갖춰|차려)|정중하게|공손하게|예의\\s*바르게", new StyleChange.SetTone(Tone.FORMAL));
        add("\\b" + REQUEST_EN + "\\b.{0,30}\\b(?:playful|funny|funnier|silly|joke more|more jokes|more fun|humou?rous)\\b"
                + "|재미있게|재밌게|장난스럽게|유머러스하게|웃기게", new StyleChange.SetTone(Tone.PLAYFUL));
        add("\\b" + REQUEST_EN + "\\b.{0,30}\\b(?:warm|warmer|friendlier|friendly|kinder|nicer|gentle|gentler|casual|relaxed|informal)\\b"
                + "|다정하게|친절하게|따뜻하게|부드럽게|상냥하게", new StyleChange.SetTone(Tone.WARM));
        add("\\b" + REQUEST_EN + "\\b.{0,30}\\b(?:neutral|plain|matter-of-fact|just the facts|serious|less chatty)\\b"
                + "|담담하게|사실만|진지하게|건조하게", new StyleChange.SetTone(Tone.NEUTRAL));
    }

    private void add(String regex, StyleChange... changes) {
        rules.add(new Rule(Pattern.compile(regex, FLAGS), List.of(changes)));
    }

    /** The changes asked for in {@code text}, in a stable order; empty when it asks for none. */
    public List<StyleChange> parse(String text) {
        ensureNotNull(text, "text");
        String s = text.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
        if (s.isEmpty() || QUESTION_ABOUT_WORDS.matcher(s).find()) {
            return List.of();
        }
        List<StyleChange> out = new ArrayList<>();
        boolean speechLevelSet = false;
        boolean toneSet = false;
        for (Rule r : rules) {
            if (!r.pattern().matcher(s).find()) {
                continue;
            }
            for (StyleChange c : r.changes()) {
                if (c instanceof StyleChange.SetSpeechLevel && speechLevelSet || c instanceof StyleChange.SetTone && toneSet
                        || out.stream().anyMatch(o -> o.getClass() == c.getClass())) {
                    continue;
                }
                speechLevelSet |= c instanceof StyleChange.SetSpeechLevel;
                toneSet |= c instanceof StyleChange.SetTone;
                out.add(c);
            }
        }
        persona(text).ifPresent(out::add);
        return List.copyOf(out);
    }

    private static java.util.Optional<StyleChange> persona(String text) {
        Matcher en = PERSONA_EN.matcher(text);
        if (en.find()) {
            String name = en.group(1);
            return java.util.Optional.of(new StyleChange.SetPersonaName(Character.toUpperCase(name.charAt(0)) + name.substring(1)));
        }
        Matcher ko = PERSONA_KO.matcher(text);
        if (ko.find()) {
            String name = ko.group(1) != null ? ko.group(1) : ko.group(2);
            return java.util.Optional.of(new StyleChange.SetPersonaName(name));
        }
        return java.util.Optional.empty();
    }
}
