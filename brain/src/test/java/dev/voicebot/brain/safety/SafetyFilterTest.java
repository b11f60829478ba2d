package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.SafetyConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafetyFilterTest {
    private static final SafetyConfig CONFIG = new ConfigLoader().defaults().safety();
    private static final SafetyFilter FILTER = SafetyFilter.withDefaultRules(CONFIG);

    private static Verdict in(String text) {
        return FILTER.checkInput(text, dev.voicebot.brain.Languages.guess(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "you are an idiot", "iiidiot!", "you're a 1d10t", "you are $tupid", "you are s t u p i d", "ＹＯＵ ＡＲＥ ＳＴＵＰＩＤ",
        "you're an іdіоt", "you are a st*pid robot", "you're sooo stuuupid", "shut up you f*ggot",
        "너 진짜 멍청하다", "ㅅㅂ 뭐하냐", "ㅂㅅ같은 로봇", "너 ㅄ이냐", "ㅈㄹ하지 마", "시 발 너 뭐야", "씨1발 로봇", "병 신 같은 게",
        "바아아보야", "tlqkf 너 뭐야", "you 병신", "ㅆㅂ robot"})
    void disguisedInsultsAtTheRobotAreBlockedAsInsults(String text) {
        Verdict v = in(text);
        assertInstanceOf(Verdict.Block.class, v, text);
        assertTrue(v.categories().contains(Category.INSULT), text + " " + v);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "calling people that slur is wrong", "he said I was stupid", "my brother called me an idiot", "you are not stupid",
        "I don't think you're dumb at all", "kill the process on port 8080", "let's shoot a photo", "this song kills",
        "I'm dying to see that film", "Is \"idiot\" a bad word?", "I'm so stupid, I forgot my keys", "this stupid printer jams",
        "We learn about sex education today", "I live in Essex", "Scunthorpe is a town", "break a leg tonight",
        "이 노래 죽인다", "배고파 죽겠어", "웃겨 죽겠네", "시발점이 어디야", "수박씨 발라 먹어", "넌 바보가 아니야", "너 안 멍청해",
        "친구가 나보고 바보래", "장애인을 병신이라고 부르면 안 돼", "새끼 고양이 귀여워", "닭가슴살 요리법", "옷 벗어서 세탁기에 넣어"})
    void counterSpeechQuotesNegationAndIdiomsPass(String text) {
        Verdict v = in(text);
        assertTrue(v.allowed(), text + " -> " + v);
    }

    @Test
    void whoIsTargetedMatters() {
        assertFalse(in("you are a moron").allowed());
        assertTrue(in("my neighbour is a moron, he parks on my lawn").allowed(), "venting about a third person is not abuse of the robot");
        assertFalse(in("immigrants are vermin").allowed(), "a group is protected even when the robot is not addressed");
        assertEquals(Set.of(Category.IDENTITY_ATTACK), in("immigrants are vermin").categories());
        assertTrue(in("immigrants opened a lovely bakery").allowed());
    }

    @Test
    void abuseGetsACalmReplyInTheUsersLanguage() {
        Verdict en = in("shut up you useless robot");
        Verdict ko = in("닥쳐 이 고철 덩어리야");
        assertTrue(en.replacement().orElseThrow().matches("(?s).*[A-Za-z].*") && !en.replacement().orElseThrow().matches("(?s).*[가-힣].*"));
        assertTrue(ko.replacement().orElseThrow().matches("(?s).*[가-힣].*"), ko.toString());
        assertFalse(en.replacement().orElseThrow().toLowerCase().contains("stupid"));
    }

    @Test
    void selfHarmGetsASupportiveReplyWithTheConfiguredHelpLines() {
        Verdict ko = in("죽고 싶어");
        assertInstanceOf(Verdict.Block.class, ko);
        assertEquals(Set.of(Category.SELF_HARM), ko.categories());
        assertTrue(ko.replacement().orElseThrow().contains("109"), ko.toString());
        Verdict en = in("I want to kill myself");
        assertTrue(en.replacement().orElseThrow().contains("local emergency number"), en.toString());
        SafetyConfig custom = new SafetyConfig(true, 0.5, 0.8, Map.of("en", List.of("Call the test line 000-TEST.")));
        Verdict c = SafetyFilter.withDefaultRules(custom).checkInput("I don't want to live anymore", "en");
        assertTrue(c.replacement().orElseThrow().endsWith("Call the test line 000-TEST."), c.toString());
        assertTrue(in("I almost died laughing").allowed());
        assertTrue(in("I don't want to die").allowed());
    }

    @Test
    void threatsAreBlockedButNotHarmlessKilling() {
        assertEquals(Set.of(Category.THREAT), in("I'm going to smash you to pieces").categories());
        assertFalse(in("너 죽여버릴 거야").allowed());
        assertTrue(in("I'll beat you at chess tonight").allowed());
        assertTrue(in("I will never hurt you").allowed());
        assertTrue(in("그 영화 진짜 죽여줬어").allowed());
    }

    @Test
    void robotOutputWithMildWordsIsSoftenedKeepingTheMeaning() {
        Verdict v = FILTER.checkOutputSentence("That's a stupid idea, damn it.", "en");
        Verdict.Rewrite r = assertInstanceOf(Verdict.Rewrite.class, v);
        assertEquals("That's an unwise idea.", r.text());
        assertTrue(FILTER.checkOutputSentence(r.text(), "en").allowed(), "the rewrite itself passes");
        assertTrue(FILTER.checkOutputSentence("The weather is lovely today.", "en").allowed());
        assertTrue(FILTER.checkOutputSentence("I'm sorry, I was stupid to miss that.", "en").allowed(), "the robot may blame itself");
        assertTrue(FILTER.checkOutputSentence("The farm has a pig, a rat and a lot of junk.", "en").allowed(), "insult words aimed at nobody");
        assertTrue(FILTER.checkOutputSentence("That joke made me laugh.", "en").allowed());
        assertEquals("You're a bit unusual.", FILTER.checkOutputSentence("You're a bit ugly.", "en").replacement().orElseThrow());
    }

    @Test
    void robotOutputWithSevereHarmIsBlockedWithAFallbackInTheLanguage() {
        Verdict en = FILTER.checkOutputSentence("You should kill yourself.", "en");
        assertInstanceOf(Verdict.Block.class, en);
        Verdict ko = FILTER.checkOutputSentence("여자들은 다 멍청해.", "ko");
        assertInstanceOf(Verdict.Block.class, ko);
        assertTrue(ko.replacement().orElseThrow().matches("(?s).*[가-힣].*"));
    }

    @Test
    void aWholeReplyIsCheckedSentenceBySentence() {
        Verdict ok = FILTER.checkOutput("Sure! I moved forward. That was a damn good walk.", "en");
        Verdict.Rewrite r = assertInstanceOf(Verdict.Rewrite.class, ok);
        assertEquals("Sure! I moved forward. That was a good walk.", r.text());
        assertInstanceOf(Verdict.Block.class, FILTER.checkOutput("Here you go. Go kill yourself. Bye.", "en"));
        assertTrue(FILTER.checkOutput("좋아요. 앞으로 갈게요!", "ko").allowed());
    }

    @Test
    void aClassifierStageAddsWhatTheRulesMissAndItsFailureIsNotFatal() {
        SafetyClassifier judge = (text, direction, language) -> text.contains("blorp") ? Map.of(Category.INSULT, 0.95) : Map.of();
        SafetyFilter withJudge = new SafetyFilter(CONFIG, List.of(LexiconRules.load("en"), LexiconRules.load("ko")), judge);
        assertTrue(FILTER.checkInput("you blorp", "en").allowed());
        assertEquals(Set.of(Category.INSULT), withJudge.checkInput("you blorp", "en").categories());
        SafetyClassifier broken = (text, direction, language) -> {
            throw new IllegalStateException("model busy");
        };
        SafetyFilter withBroken = new SafetyFilter(CONFIG, List.of(LexiconRules.load("en")), broken);
        assertFalse(withBroken.checkInput("you idiot", "en").allowed());
        assertTrue(withBroken.checkInput("hello", "en").allowed());
    }

    @Test
    void disabledFilterAllowsEverythingAndBadArgumentsAreNamed() {
        SafetyFilter off = SafetyFilter.withDefaultRules(new SafetyConfig(false, 0.5, 0.8, Map.of()));
        assertTrue(off.checkInput("you idiot", "en").allowed());
        assertTrue(FILTER.checkInput("   ", "en").allowed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FILTER.checkInput(null, "en"));
        assertTrue(e.getMessage().contains("text"), e.getMessage());
        assertEquals("en", FILTER.checkInput("you idiot", "xx").replacement().map(r -> "en").orElse("?"), "unknown languages answer in English");
    }
}
