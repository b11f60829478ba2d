package dev.voicebot.speech.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.Signals;
import dev.voicebot.speech.vad.EndpointerSettings;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MFCC keyword spotter on espeak-ng speech: templates from the default voice at three speeds;
 * test speech at other pitches and speeds, in noise, with the stop word at the end of a longer
 * utterance. Detection times are stream times, so the measured latency is exact and repeatable.
 */
class KeywordSpotterTest {
    static List<KeywordTemplate> templates;

    @BeforeAll
    static void enrol() {
        templates = new ArrayList<>();
        for (int speed : new int[] {140, 175, 210}) {
            templates.add(KeywordTemplate.fromAudio("stop", Espeak.say("en", "stop", speed, 50)));
            templates.add(KeywordTemplate.fromAudio("멈춰", Espeak.say("ko", "멈춰", speed, 50)));
            templates.add(KeywordTemplate.fromAudio("정지", Espeak.say("ko", "정지", speed, 50)));
        }
    }

    private record Run(List<StopDetection> detections, List<SpeechEvent> events) {
    }

    private static Run run(float[] x) {
        List<StopDetection> got = new ArrayList<>();
        SpeechPipeline p = new SpeechPipeline(EndpointerSettings.defaults(),
                new KeywordSpotter(templates, KeywordSpotter.DEFAULT_THRESHOLD, got::add));
        List<SpeechEvent> events = new ArrayList<>();
        for (int i = 0; i < x.length; i += 320) {
            events.addAll(p.accept(x, i, Math.min(320, x.length - i)));
        }
        events.addAll(p.finish());
        return new Run(got, events);
    }

    @ParameterizedTest(name = "\"{1} {2}\" pitch {3} speed {4} SNR {5}")
    @CsvSource({
        "en, go forward slowly and then, stop, 35, 165, 20",
        "en, keep turning left, stop, 65, 190, 20",
        "en, go forward slowly and then, stop, 60, 150, 100",
        "ko, 앞으로 천천히 가다가, 멈춰, 65, 165, 20",
        "ko, 오른쪽으로 돌다가, 정지, 35, 190, 20",
        "ko, 계속 가다가, 멈춰, 40, 150, 100",
    })
    void stopWordAtTheEndOfALongerUtteranceIsHeardBeforeTheUtteranceEnds(String voice, String lead, String word, int pitch, int speed, double snr) {
        float[] first = Espeak.say(voice, lead, speed, pitch);
        float[] stop = Espeak.say(voice, word, speed, pitch);
        long wordStart = 1000 + first.length / 16 + 120;
        Scene s = new Scene((wordStart + stop.length / 16 + 1500) / 1000.0).place(first, 1000).place(stop, wordStart);
        long wordEnd = s.placements().get(1).endMs();
        float[] x = snr >= 100 ? s.clean() : s.withNoise(Signals.whiteNoise(0.05, 30, 16_000, pitch), snr);
        Run r = run(x);
        assertEquals(1, r.detections().size(), () -> "detections " + r.detections());
        StopDetection d = r.detections().get(0);
        assertEquals(word, d.word());
        assertEquals(StopDetection.Source.KEYWORD_SPOTTER, d.source());
        long latency = d.streamTimeMs() - wordEnd;
        assertTrue(latency >= -150 && latency <= 250, "detected at " + d.streamTimeMs() + " ms, word ended at " + wordEnd + " ms");
        // the whole-utterance path only reports after the hangover: the spotter is earlier
        long utteranceEnd = r.events().stream().filter(e -> e instanceof SpeechEvent.UtteranceEnded)
                .mapToLong(e -> ((SpeechEvent.UtteranceEnded) e).utterance().endMs()).max().orElseThrow();
        assertTrue(d.streamTimeMs() < utteranceEnd + 300, "before the endpointer could report the utterance");
    }

    @ParameterizedTest(name = "\"{1}\"")
    @CsvSource({"en, go forward slowly", "en, turn left ninety degrees", "en, what time is it",
        "ko, 앞으로 가", "ko, 오른쪽으로 돌아", "ko, 안녕하세요 반갑습니다"})
    void otherSpeechDoesNotStop(String voice, String text) {
        float[] clip = Espeak.say(voice, text, 165, 40);
        Scene s = new Scene(clip.length / 16_000.0 + 2).place(clip, 1000);
        assertEquals(List.of(), run(s.withNoise(Signals.whiteNoise(0.05, 30, 16_000, 5), 20)).detections());
    }

    @Test
    void noiseAndSilenceDoNotStop() {
        assertEquals(List.of(), run(Signals.whiteNoise(0.1, 8, 16_000, 8)).detections());
        assertEquals(List.of(), run(Signals.brownishNoise(0.1, 8, 16_000, 9)).detections());
        assertEquals(List.of(), run(new float[8 * 16_000]).detections());
    }
}
