package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnglishNumbersTest {

    private static List<String> tokens(String text) {
        return Arrays.asList(text.split(" "));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2                       | 2
            2.5                     | 2.5
            0.25                    | 0.25
            one                     | 1
            nine                    | 9
            ten                     | 10
            twelve                  | 12
            nineteen                | 19
            twenty                  | 20
            twenty five             | 25
            forty five              | 45
            ninety                  | 90
            one hundred             | 100
            a hundred               | 100
            one hundred and eighty  | 180
            one hundred eighty      | 180
            three hundred sixty     | 360
            two point five          | 2.5
            zero point three        | 0.3
            one point two five      | 1.25
            point five              | 0.5
            half                    | 0.5
            a half                  | 0.5
            half a                  | 0.5
            a quarter               | 0.25
            a quarter of a          | 0.25
            three quarters          | 0.75
            one and a half          | 1.5
            two and a half          | 2.5
            2 and a half            | 2.5
            one and a quarter       | 1.25
            a couple of             | 2
            zero                    | 0
            """)
    void readsTheWholePhrase(String phrase, double expected) {
        List<String> t = tokens(phrase);
        Optional<NumberMatch> m = EnglishNumbers.parse(t, 0);
        assertTrue(m.isPresent(), phrase + " is a number");
        assertEquals(expected, m.get().value(), 1e-12, phrase);
        assertEquals(t.size(), m.get().end(), phrase + ": every word belongs to the number");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"meter", "a", "a meter", "and", "left", "hundred", "point", "point left", "1.2.3", ".5", "5."})
    void rejectsWhatIsNotANumber(String phrase) {
        assertTrue(EnglishNumbers.parse(tokens(phrase), 0).isEmpty(), phrase);
    }

    @ParameterizedTest(name = "{0} stops before the rest")
    @CsvSource(delimiter = '|', textBlock = """
            two meters                  | 2    | 1
            one two                     | 1    | 1
            twenty twenty               | 20   | 1
            ninety degrees to the left  | 90   | 1
            one and then turn           | 1    | 1
            one hundred and then        | 100  | 2
            ten five                    | 10   | 1
            """)
    void stopsAtTheFirstWordThatIsNotPartOfTheNumber(String phrase, double value, int end) {
        NumberMatch m = EnglishNumbers.parse(tokens(phrase), 0).orElseThrow();
        assertEquals(value, m.value(), 1e-12);
        assertEquals(end, m.end());
    }

    @Test
    void readsFromTheMiddleOfAClause() {
        NumberMatch m = EnglishNumbers.parse(tokens("move forward two point five meters"), 2).orElseThrow();
        assertEquals(2.5, m.value(), 1e-12);
        assertEquals(5, m.end());
        assertTrue(EnglishNumbers.parse(tokens("move"), 3).isEmpty(), "past the end is no number");
    }

    @Test
    void knowsWhichTokensAreNumbers() {
        assertTrue(EnglishNumbers.isNumberToken("hundred"));
        assertTrue(EnglishNumbers.isNumberToken("12"));
        assertTrue(!EnglishNumbers.isNumberToken("a"));
    }
}
