package dev.voicebot.speech.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.vad.Utterance.VoiceStats;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HallucinationFilterTest {
    private static final VoiceStats LOUD = new VoiceStats(80, -60, -20, 35);
    private static final VoiceStats QUIET = new VoiceStats(40, -45, -38, 12);
    private final HallucinationFilter filter = new HallucinationFilter();

    private static Transcript said(String text, double p) {
        return new Transcript(text, "en", p, "en", p, false, List.of(), 1000);
    }

    private Optional<RejectReason> verdict(String text, double p, VoiceStats voice) {
        return filter.afterDecoding(said(text, p), voice).map(Rejection::reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thank you for watching!", "Thanks for watching.", " thank you so much for watching ",
        "시청해주셔서 감사합니다.", "시청해 주셔서 감사합니다", "구독과 좋아요 부탁드립니다", "MBC 뉴스 이덕영입니다.",
        "Subtitles by the Amara.org community", "Thank you.", "감사합니다."})
    void knownHallucinationsAreDroppedWhenTheSpeechIsQuiet(String text) {
        assertEquals(Optional.of(RejectReason.KNOWN_HALLUCINATION), verdict(text, 0.95, QUIET));
    }

    @Test
    void knownPhrasesAreDroppedWhenLanguageIdentificationIsUnsureEvenIfLoud() {
        assertEquals(Optional.of(RejectReason.KNOWN_HALLUCINATION), verdict("Thank you for watching", 0.31, LOUD));
        Rejection r = filter.afterDecoding(said("시청해주셔서 감사합니다", 0.2), LOUD).orElseThrow();
        assertTrue(r.detail().contains("p = 0.20"), r.detail());
    }

    @Test
    void loudClearSpeechIsKeptEvenIfItIsAPoliteness() {
        assertEquals(Optional.empty(), verdict("Thank you.", 0.97, LOUD));
        assertEquals(Optional.empty(), verdict("Thank you for watching", Double.NaN, LOUD));
    }

    @Test
    void ordinaryCommandsAreKeptEvenWhenQuiet() {
        assertEquals(Optional.empty(), verdict("Turn left ninety degrees.", 0.9, QUIET));
        assertEquals(Optional.empty(), verdict("앞으로 두 걸음 가", 0.9, QUIET));
        assertEquals(Optional.empty(), verdict("Thank you, now stop.", 0.9, LOUD));
    }

    @Test
    void emptyAnnotationsAndLoops() {
        assertEquals(Optional.of(RejectReason.EMPTY_TRANSCRIPT), verdict("  ", 0.9, LOUD));
        assertEquals(Optional.of(RejectReason.NON_SPEECH_ANNOTATION), verdict("[Music]", 0.9, LOUD));
        assertEquals(Optional.of(RejectReason.NON_SPEECH_ANNOTATION), verdict("(박수) ♪", 0.9, LOUD));
        assertEquals(Optional.of(RejectReason.REPETITION_LOOP), verdict("go go go go go", 0.9, LOUD));
        assertEquals(Optional.of(RejectReason.REPETITION_LOOP), verdict("I don't know. I don't know. I don't know. I don't know.", 0.9, LOUD));
        assertEquals(Optional.of(RejectReason.REPETITION_LOOP), verdict("아아아아아아아아아아아아아", 0.9, LOUD));
        assertEquals(Optional.empty(), verdict("go go go", 0.9, LOUD));
    }

    @Test
    void noDecodingWithoutVoiceActivity() {
        assertEquals(RejectReason.NO_VOICE_ACTIVITY, filter.beforeDecoding(new VoiceStats(3, -50, -45, 8)).orElseThrow().reason());
        assertEquals(RejectReason.NO_VOICE_ACTIVITY, filter.beforeDecoding(new VoiceStats(50, -50, -48, 4)).orElseThrow().reason());
        assertEquals(Optional.empty(), filter.beforeDecoding(LOUD));
    }
}
