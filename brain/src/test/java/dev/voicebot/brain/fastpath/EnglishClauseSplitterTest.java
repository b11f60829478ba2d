package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishClauseSplitterTest {
    private final EnglishClauseSplitter splitter = new EnglishClauseSplitter();

    private List<String> split(String text) {
        return splitter.split(Arrays.asList(text.split(" "))).stream().map(c -> String.join(" ", c)).toList();
    }

    @Test
    void splitsAtConnectorsAndPunctuation() {
        assertEquals(List.of("move forward", "turn right"), split("move forward and then turn right"));
        assertEquals(List.of("turn left", "move", "wave"), split("turn left , move , then wave"));
        assertEquals(List.of("sit", "wave"), split("sit after that wave"));
    }

    @Test
    void keepsTheAndOfNumbers() {
        assertEquals(List.of("turn one hundred and eighty degrees"), split("turn one hundred and eighty degrees"));
        assertEquals(List.of("move one and a half meters"), split("move one and a half meters"));
        assertEquals(List.of("move a meter and a half", "wave"), split("move a meter and a half and wave"));
    }

    @Test
    void keepsGoAheadAnd() {
        assertEquals(List.of("go ahead and turn left"), split("go ahead and turn left"));
        assertEquals(List.of("please go ahead and turn left"), split("please go ahead and turn left"));
    }

    @Test
    void dropsEmptyClauses() {
        assertEquals(List.of("stop"), split(", , stop and"));
        assertEquals(List.of(), split(", and then"));
    }
}
