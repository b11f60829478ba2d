package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KoreanNumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            일, 1
            이, 2
            삼, 3
            사, 4
            오, 5
            육, 6
            륙, 6
            칠, 7
            팔, 8
            구, 9
            십, 10
            십오, 15
            이십, 20
            이십오, 25
            사십오, 45
            구십, 90
            백, 100
            백팔십, 180
            이백칠십, 270
            삼백육십, 360
            천, 1000
            일백, 100
            영, 0
            공, 0
            이점오, 2.5
            일점오, 1.5
            영점오, 0.5
            공점이, 0.2
            점오, 0.5
            십점이오, 10.25
            하나, 1
            한, 1
            둘, 2
            두, 2
            셋, 3
            세, 3
            넷, 4
            네, 4
            다섯, 5
            여섯, 6
            일곱, 7
            여덟, 8
            아홉, 9
            열, 10
            열다섯, 15
            스물, 20
            스무, 20
            스물다섯, 25
            서른, 30
            마흔다섯, 45
            아흔, 90
            반, 0.5
            """)
    void readsNumerals(String numeral, double expected) {
        OptionalDouble v = KoreanNumbers.parse(numeral);
        assertTrue(v.isPresent(), numeral + " is a numeral");
        assertEquals(expected, v.getAsDouble(), 1e-12, numeral);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "이일", "십십", "십백", "백천", "점", "이점", "오른", "일어", "하나둘", "열열", "미터", "이점하나", "반반"})
    void rejectsWhatIsNotOneNumeral(String text) {
        assertTrue(KoreanNumbers.parse(text).isEmpty(), text);
    }

    @Test
    void runLengthCoversOnlyNumeralCharacters() {
        assertEquals(3, KoreanNumbers.runLength("이점오미터", 0));
        assertEquals(2, KoreanNumbers.runLength("앞으로구십도", 3));
        assertEquals(0, KoreanNumbers.runLength("앞으로", 0));
        assertEquals(0, KoreanNumbers.runLength("가", 1), "past the end");
        assertEquals(KoreanNumbers.MAX_LENGTH, KoreanNumbers.runLength("일".repeat(40), 0), "bounded");
    }
}
