package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.brain.fastpath.KoreanLexeme.Amount;
import dev.voicebot.brain.fastpath.KoreanLexeme.Dir;
import dev.voicebot.brain.fastpath.KoreanLexeme.Mood;
import dev.voicebot.brain.fastpath.KoreanLexeme.Sense;
import dev.voicebot.brain.fastpath.KoreanLexeme.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class KoreanLexerTest {
    private final KoreanLexer lexer = new KoreanLexer();

    private List<KoreanLexeme> lex(String compact) {
        return lexer.lex(compact).orElseThrow(() -> new AssertionError(compact + " did not lex"));
    }

    @Test
    void readsGluedNumbersUnitsAndVerbs() {
        assertEquals(List.of(new Dir(Direction.FORWARD), new Amount(new Quantity(1, Quantity.Unit.METRE)),
                new Verb(Sense.MOVE, Mood.IMPERATIVE, null, false)), lex("앞으로일미터가"));
    }

    @Test
    void aNumeralNeedsAUnitSoWordsStartingLikeNumbersStayWords() {
        // 오른쪽 starts with 오 (5), 이동 with 이 (2), 일어서 with 일 (1).
        assertEquals(List.of(new Dir(Direction.RIGHT)), lex("오른쪽"));
        assertEquals(List.of(new Verb(Sense.MOVE, Mood.IMPERATIVE, null, false)), lex("이동"));
        assertEquals(List.of(new Verb(Sense.STAND, Mood.IMPERATIVE, null, false)), lex("일어서"));
    }

    @Test
    void convertsUnitsAndAddsAHalfAfterAnAmount() {
        assertEquals(List.of(new Amount(new Quantity(0.5, Quantity.Unit.METRE))), lex("오십센티"));
        assertEquals(List.of(new Amount(new Quantity(1.5, Quantity.Unit.METRE))), lex("1미터반"));
        assertEquals(List.of(new Amount(new Quantity(0.5, Quantity.Unit.REVOLUTION))), lex("반바퀴"));
        assertEquals(List.of(new Amount(new Quantity(90, Quantity.Unit.DEGREE))), lex("구십도"));
        assertEquals(List.of(new Amount(new Quantity(30, Quantity.Unit.BARE))), lex("30"));
    }

    @Test
    void aHalfBeforeAWordIsNotAHalf() {
        List<KoreanLexeme> l = lex("90도반시계방향으로");
        assertEquals(List.of(new Amount(new Quantity(90, Quantity.Unit.DEGREE)), new Dir(Direction.LEFT)), l);
    }

    @Test
    void perSecondLeadTurnsTheNextAmountIntoASpeed() {
        List<KoreanLexeme> l = lex("초속0.2미터로");
        assertEquals(new KoreanLexeme.SpeedWord(new Speed.PerSecond(new Quantity(0.2, Quantity.Unit.METRE))), l.get(0));
        assertEquals(new KoreanLexeme.Filler(), l.get(1));
    }

    @Test
    void requestEndingsAreMarked() {
        assertEquals(List.of(new Verb(Sense.MOVE, Mood.REQUEST, null, false)), lex("가줄래"));
        assertEquals(List.of(new Verb(Sense.TURN, Mood.AND_THEN, null, false)), lex("돌고"));
        assertEquals(List.of(new Verb(Sense.TURN, Mood.IMPERATIVE, Direction.RIGHT, false)), lex("우회전해주세요"));
    }

    @Test
    void unknownTextDoesNotLex() {
        assertTrue(lexer.lex("서울에가").isEmpty());
        assertTrue(lexer.lex("앞으로가지마").isEmpty(), "a negated verb is not a verb");
        assertTrue(lexer.lex("1.2.3미터").isEmpty());
        assertTrue(lexer.lex("").orElseThrow().isEmpty());
    }

    @Test
    void theLexiconHasNoWordWithTwoMeanings() {
        // Building the lexicon throws on a clash; reaching it here means it built.
        assertFalse(KoreanLexicon.allWords().isEmpty());
        assertTrue(KoreanLexicon.allWords().get("가세요") instanceof Verb);
    }
}
