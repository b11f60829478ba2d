package dev.voicebot.speech.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StopWordMatcherTest {
    private final StopWordMatcher m = new StopWordMatcher(List.of("stop", "halt", "멈춰", "정지", "그만", "스톱"));

    @Test
    void englishMatchesWholeWordsOnly() {
        assertEquals(Optional.of("stop"), m.match("Stop!"));
        assertEquals(Optional.of("stop"), m.match("please STOP now"));
        assertEquals(Optional.of("halt"), m.match("Halt."));
        assertEquals(Optional.empty(), m.match("a bus stopped"));
        assertEquals(Optional.empty(), m.match("nonstop"));
        assertEquals(Optional.empty(), m.match(""));
    }

    @Test
    void koreanMatchesInsideInflectedWords() {
        assertEquals(Optional.of("멈춰"), m.match("멈춰요!"));
        assertEquals(Optional.of("정지"), m.match("로봇 정지해"));
        assertEquals(Optional.of("그만"), m.match("이제 그만해."));
        assertEquals(Optional.of("스톱"), m.match("스톱"));
        assertEquals(Optional.empty(), m.match("앞으로 가"));
    }
}
