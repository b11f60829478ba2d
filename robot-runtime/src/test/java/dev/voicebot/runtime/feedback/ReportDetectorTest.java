package dev.voicebot.runtime.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spoken reports in English and Korean are heard; negations, general remarks and emergencies are not reports. */
class ReportDetectorTest {
    private final ReportDetector detector = new ReportDetector();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "that was rude|rude",
        "That’s really rude, robot.|rude",
        "wow, that was so offensive|offensive",
        "what you just said was inappropriate|offensive",
        "your last answer was kind of mean|hurtful",
        "that hurt my feelings|hurtful",
        "you're so condescending|rude",
        "how rude!|rude",
        "don't talk to me like that|rude",
        "I want to report that|report",
        "I'd like to report your last reply|report",
        "report that, please|report",
        "flag this|report",
        "that is not okay|offensive",
        "그 말 기분 나빠|hurtful",
        "기분이 너무 나쁘네요|hurtful",
        "신고할게|report",
        "이거 신고 할게요|report",
        "신고하고 싶어요|report",
        "말이 너무 심하다|rude",
        "방금 그 말 좀 무례해|rude",
        "그건 좀 불쾌하네요|offensive",
        "상처 받았어|hurtful",
        "너무해|hurtful",
    })
    void reportsAreHeard(String text, String reason) {
        Optional<ReportDetector.Report> report = detector.detect(text);
        assertTrue(report.isPresent(), "not heard as a report: " + text);
        assertEquals(reason, report.get().reason(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "that wasn't rude at all",
        "that is not offensive",
        "it's rude to interrupt people",
        "is it rude to ask your age?",
        "report the weather for tomorrow",
        "write a report about whales",
        "move forward one meter",
        "you are so nice",
        "that was funny",
        "that's a mean left hook in boxing class",
        "기분 안 나빠",
        "기분 나쁘지 않아요",
        "경찰에 신고해 줘",
        "119에 신고할게",
        "오늘 기분 좋아",
        "앞으로 1미터 가",
        "",
    })
    void otherTextIsNotAReport(String text) {
        assertEquals(Optional.empty(), detector.detect(text), text);
    }
}
