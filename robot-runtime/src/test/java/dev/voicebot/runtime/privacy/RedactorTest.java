package dev.voicebot.runtime.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Personal data in English and Korean sentences is replaced; ordinary numbers in commands are not. */
class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "my email is jane.doe+robot@example.co.uk, write me|my email is [email], write me",
        "send it to kim dot minsu at gmail dot com please|send it to [email] please",
        "call me at (555) 123-4567 tonight|call me at [phone] tonight",
        "my number is 555.867.5309.|my number is [phone].",
        "dial 1-800-555-0199 now|dial [phone] now",
        "제 번호는 010-1234-5678이에요|제 번호는 [phone]이에요",
        "연락처 010 9876 5432 로 문자 주세요|연락처 [phone] 로 문자 주세요",
        "사무실은 02-312-4567 입니다|사무실은 [phone] 입니다",
        "my korean number is +82 10 1234 5678|my korean number is [phone]",
        "+82-10-2222-3333으로 전화해|[phone]으로 전화해",
        "the card is 4111 1111 1111 1111 expiring 12 27|the card is [card] expiring 12 27",
        "카드번호 5500-0000-0000-0004 결제해 줘|카드번호 [card] 결제해 줘",
        "my ssn is 123-45-6789|my ssn is [id]",
        "social security number 123456789 okay|social security number [id] okay",
        "주민번호는 900101-1234567 이야|주민번호는 [id] 이야",
        "주민등록번호 8505152345678|주민등록번호 [id]",
    })
    void personalDataIsReplaced(String text, String expected) {
        assertEquals(expected, redactor.redact(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "move forward 2 meters at 0.5 meters per second",
        "turn left 90 degrees three times",
        "앞으로 1.5미터 가 줘",
        "set a timer for 10 minutes",
        "the meeting is on 2024-05-17 at 14:30",
        "my order number is 1234567890123",            // 13 digits that fail the Luhn check
        "the year 1999 was 25 years ago",
        "version 1.2.3.4 is installed",
        "kill the process 123456789",                  // nine digits without an SSN context
        "at home I have 3 cats and 2 dogs",
    })
    void ordinaryNumbersStay(String text) {
        assertEquals(text, redactor.redact(text));
        assertFalse(redactor.containsPersonalData(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5500000000000004", "340000000000009", "6011000000000004"})
    void luhnValidNumbersAreCards(String number) {
        assertTrue(Redactor.luhn(number));
        assertEquals("pay with [card]", redactor.redact("pay with " + number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "1234567812345678"})
    void luhnInvalidNumbersAreNotCards(String number) {
        assertFalse(Redactor.luhn(number));
    }

    @org.junit.jupiter.api.Test
    void severalKindsInOneSentence() {
        String out = redactor.redact("I'm Kim, kim@corp.kr, 010-1111-2222, card 4111-1111-1111-1111, ID 900101-1234567.");
        assertEquals("I'm Kim, [email], [phone], card [card], ID [id].", out);
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyPassThrough() {
        assertEquals(null, redactor.redact(null));
        assertEquals("", redactor.redact(""));
    }
}
