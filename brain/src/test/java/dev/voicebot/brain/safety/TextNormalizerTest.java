package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    private final TextNormalizer n = new TextNormalizer(Set.of("stupid", "fuck"));

    @Test
    void undoesDisguisesInEnglishSentences() {
        assertEquals("you are idiot !", n.normalize("YOU are 1d10t!").text());
        assertEquals("you are stupid", n.normalize("you are $tupid").text());
        assertEquals("you are stupid", n.normalize("you are st*pid").text());
        assertEquals("stuupid robot", n.normalize("stuuuuupid robot").text());
        assertEquals("you are idiot", n.normalize("ｙｏｕ ａｒｅ іdіоt").text());
        assertEquals("you are stupid", n.normalize("you are s t u p i d").joined());
        assertEquals("you are stupid", n.normalize("you are s.t.u.p.i.d").text());
        assertEquals("move 100 meters at 8080 .", n.normalize("move 100 meters at 8080.").text(), "numbers stay numbers");
        assertEquals("don't , please", n.normalize("don’t, please").text());
    }

    @Test
    void undoesDisguisesInKoreanSentences() {
        assertEquals("ㅅㅂ 뭐야", n.normalize("ㅅㅂ 뭐야").text(), "initial consonants survive NFKC");
        assertEquals("너 ㅂㅅ이냐", n.normalize("너 ㅄ이냐").text());
        assertEquals("씨발 로봇", n.normalize("씨1발 로봇").text());
        assertEquals("바보야", n.normalize("바아아보야").text());
        assertEquals("시발 너 뭐야", n.normalize("시 발 너 뭐야").joined());
        assertEquals("수박씨 발라 먹어", n.normalize("수박씨 발라 먹어").joined(), "only one-syllable words are joined");
        assertEquals("' 틀딱 ' 은 나쁜 말", n.normalize("'틀딱'은 나쁜 말").text());
    }
}
