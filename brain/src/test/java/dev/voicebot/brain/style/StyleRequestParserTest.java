package dev.voicebot.brain.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StyleRequestParserTest {
    private final StyleRequestParser parser = new StyleRequestParser();

    @Test
    void englishRequests() {
        assertEquals(List.of(new StyleChange.SetDetail(Detail.BRIEF)), parser.parse("Please answer more briefly"));
        assertEquals(List.of(new StyleChange.SetDetail(Detail.BRIEF)), parser.parse("can you keep it short?"));
        assertEquals(List.of(new StyleChange.SetDetail(Detail.DETAILED)), parser.parse("Could you explain in more detail"));
        assertEquals(List.of(new StyleChange.SetTone(Tone.FORMAL)), parser.parse("be more formal"));
        assertEquals(List.of(new StyleChange.SetTone(Tone.PLAYFUL)), parser.parse("can you be a bit more playful"));
        assertEquals(List.of(new StyleChange.SetTone(Tone.WARM), new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL)),
                parser.parse("don't be so formal"));
        assertEquals(List.of(new StyleChange.SetPersonaName("Nabi")), parser.parse("from now on call yourself nabi"));
        assertEquals(List.of(new StyleChange.SetDetail(Detail.BRIEF), new StyleChange.SetTone(Tone.FORMAL)),
                parser.parse("please be formal and keep it brief"));
    }

    @Test
    void koreanRequests() {
        assertEquals(List.of(new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL)), parser.parse("반말로 해도 돼"));
        assertEquals(List.of(new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL)), parser.parse("이제 말 편하게 해"));
        assertEquals(List.of(new StyleChange.SetSpeechLevel(SpeechLevel.POLITE)), parser.parse("존댓말 써줘"));
        assertEquals(List.of(new StyleChange.SetSpeechLevel(SpeechLevel.POLITE)), parser.parse("반말 하지 마"));
        assertEquals(List.of(new StyleChange.SetSpeechLevel(SpeechLevel.CASUAL)), parser.parse("존댓말 안 써도 돼"));
        assertEquals(List.of(new StyleChange.SetDetail(Detail.BRIEF)), parser.parse("좀 더 짧게 대답해 줘"));
        assertEquals(List.of(new StyleChange.SetDetail(Detail.DETAILED)), parser.parse("자세히 설명해 줘"));
        assertEquals(List.of(new StyleChange.SetTone(Tone.FORMAL)), parser.parse("정중하게 말해 주세요"));
        assertEquals(List.of(new StyleChange.SetPersonaName("나비")), parser.parse("네 이름은 나비야"));
        assertEquals(List.of(new StyleChange.SetPersonaName("토리")), parser.parse("너를 토리라고 부를게"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"move forward one meter", "what does formal mean?", "I had a short day", "반말이 무슨 뜻이야?",
        "오늘 날씨 어때?", "the movie was too long", "my name is Sam"})
    void ordinaryUtterancesAskForNoChange(String text) {
        assertEquals(List.of(), parser.parse(text), text);
    }

    @Test
    void personaNamesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new StyleChange.SetPersonaName("<script>"));
    }
}
