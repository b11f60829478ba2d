package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Move Forward 2M.            | move forward 2 m ,
            turn right 90°              | turn right 90 deg
            90deg                       | 90 deg
            0.2m/s                      | 0.2 m per s
            don't move                  | dont move
            don’t move                  | dont move
            forty-five degrees          | forty five degrees
            u-turn                      | u turn
            move .5 meters              | move 0.5 meters
            robot, stop!                | robot , stop ,
            ２ｍ                        | 2 m
            앞으로1미터가               | 앞으로 1 미터가
            90도                        | 90 도
            move -2 meters              | move - 2 meters
            wait... what                | wait , , , what
            """)
    void normalizes(String raw, String expected) {
        assertEquals(expected, normalizer.normalize(raw).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            turn left?           | true  | false
            앞으로 가요？         | true  | true
            turn left            | false | false
            좌회전               | false | true
            """)
    void remembersQuestionMarksAndHangul(String raw, boolean question, boolean hangul) {
        NormalizedText n = normalizer.normalize(raw);
        assertEquals(question, n.question());
        assertEquals(hangul, n.hangul());
    }

    @org.junit.jupiter.api.Test
    void emptyAndBlankTextHasNoTokens() {
        assertTrue(normalizer.normalize("   ").tokens().isEmpty());
        assertTrue(normalizer.normalize("").text().isEmpty());
        assertFalse(normalizer.normalize("?").text().isEmpty(), "the question mark stays as a clause break");
    }

    @org.junit.jupiter.api.Test
    void compactRemovesEverySpace() {
        assertEquals("앞으로1미터가", normalizer.normalize("앞으로 1 미터   가").compact());
    }
}
