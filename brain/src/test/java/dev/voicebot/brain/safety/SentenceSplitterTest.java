package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    @Test
    void splitsEnglishWithoutCuttingNumbersOrAbbreviations() {
        assertEquals(List.of("Dr. Kim walked 3.5 km today.", "Great!", "Shall we go?", "Yes..."),
                SentenceSplitter.split("Dr. Kim walked 3.5 km today. Great! Shall we go? Yes..."));
    }

    @Test
    void splitsKoreanAndFullWidthPunctuation() {
        assertEquals(List.of("안녕하세요.", "오늘 날씨가 좋네요!", "산책 갈까요?", "좋아요。", "가자！"),
                SentenceSplitter.split("안녕하세요. 오늘 날씨가 좋네요! 산책 갈까요? 좋아요。가자！"));
        assertEquals(List.of("\"멈춰!\" 라고 했어요."), SentenceSplitter.split("\"멈춰!\" 라고 했어요."));
    }

    @Test
    void streamedChunksYieldSentencesOnlyWhenComplete() {
        SentenceSplitter s = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        for (String chunk : List.of("I mo", "ved forward", ". Then I turn", "ed left", "! Done")) {
            out.addAll(s.push(chunk));
        }
        assertEquals(List.of("I moved forward.", "Then I turned left!"), out);
        assertEquals("Done", s.flush().orElseThrow());
        assertEquals(List.of(), s.push(""));
    }
}
