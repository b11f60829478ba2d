package dev.voicebot.speech.vad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.Signals;
import dev.voicebot.speech.vad.SpeechEvent.SpeechStarted;
import dev.voicebot.speech.vad.SpeechEvent.UtteranceEnded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoints of real (espeak-ng) English and Korean speech over silence and noise, against where the clips were placed. */
class EndpointerTest {
    private static final long TOLERANCE_MS = 150;
    private static final String[][] CLIPS = {
        {"en", "stop the robot"}, {"ko", "앞으로 가"}, {"en", "turn left ninety degrees"},
        {"ko", "멈춰"}, {"en", "fish"}, {"ko", "정지하세요 빨리"},
    };

    static List<SpeechEvent> run(float[] x, EndpointerSettings settings, int chunk) {
        SpeechPipeline p = new SpeechPipeline(settings);
        List<SpeechEvent> events = new ArrayList<>();
        for (int i = 0; i < x.length; i += chunk) {
            events.addAll(p.accept(x, i, Math.min(chunk, x.length - i)));
        }
        events.addAll(p.finish());
        return events;
    }

    static List<Utterance> utterances(List<SpeechEvent> events) {
        return events.stream().filter(e -> e instanceof UtteranceEnded).map(e -> ((UtteranceEnded) e).utterance()).toList();
    }

    private static Scene scene(long gapMs) {
        Scene s = new Scene(15.0);
        long t = 800;
        for (String[] c : CLIPS) {
            float[] clip = Espeak.say(c[0], c[1]);
            s.place(clip, t);
            t += clip.length / 16 + gapMs;
        }
        return s;
    }

    @ParameterizedTest(name = "{0} noise at {1} dB SNR")
    @CsvSource({"none, 0", "white, 20", "white, 10", "white, 5", "fan, 20", "fan, 10", "fan, 5"})
    void endpointsLandWithin150MsOfWhereSpeechWasPlaced(String noise, double snr) {
        Scene s = scene(1200);
        float[] x = switch (noise) {
            case "white" -> s.withNoise(Signals.whiteNoise(0.05, 15, 16_000, 11), snr);
            case "fan" -> s.withNoise(Signals.brownishNoise(0.05, 15, 16_000, 12), snr);
            default -> s.clean();
        };
        List<SpeechEvent> events = run(x, EndpointerSettings.defaults(), 320);
        List<Utterance> got = utterances(events);
        assertEquals(s.placements().size(), got.size(), () -> "utterances " + describe(got) + " truth " + s.placements());
        for (int i = 0; i < got.size(); i++) {
            Scene.Placement truth = s.placements().get(i);
            Utterance u = got.get(i);
            assertTrue(Math.abs(u.startMs() - truth.startMs()) <= TOLERANCE_MS, "start " + u.startMs() + " vs " + truth);
            assertTrue(Math.abs(u.endMs() - truth.endMs()) <= TOLERANCE_MS, "end " + u.endMs() + " vs " + truth);
            assertEquals(Utterance.EndReason.SILENCE, u.endReason());
        }
        long starts = events.stream().filter(e -> e instanceof SpeechStarted).count();
        assertEquals(got.size(), starts, "every utterance is announced once by SpeechStarted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"silence", "white", "fan", "quiet-white"})
    void noiseOrSilenceAloneYieldsNoUtterance(String kind) {
        float[] x = switch (kind) {
            case "white" -> Signals.whiteNoise(0.1, 20, 16_000, 21);
            case "fan" -> Signals.brownishNoise(0.2, 20, 16_000, 22);
            case "quiet-white" -> Signals.whiteNoise(0.0005, 20, 16_000, 23);
            default -> new float[20 * 16_000];
        };
        List<SpeechEvent> events = run(x, EndpointerSettings.defaults(), 1600);
        assertEquals(List.of(), events);
    }

    @Test
    void preRollKeepsTheOnsetAndAudioCoversTheWholeClip() {
        float[] clip = Espeak.say("en", "stop");
        Scene s = new Scene(3).place(clip, 1000);
        Utterance u = utterances(run(s.withNoise(Signals.whiteNoise(0.05, 3, 16_000, 5), 10), EndpointerSettings.defaults(), 160)).get(0);
        assertEquals(u.startMs() - 200, u.audioStartMs());
        assertTrue(u.audioStartMs() <= 1000 && u.audioEndMs() >= s.placements().get(0).endMs(),
                "audio " + u.audioStartMs() + ".." + u.audioEndMs() + " must cover the clip " + s.placements().get(0));
        assertEquals((u.audioEndMs() - u.audioStartMs()) * 16, u.samples().length);
        // the samples are the stream's samples at those times
        float[] clean = s.clean();
        int offset = (int) (u.audioStartMs() * 16);
        double diff = 0;
        for (int i = 0; i < u.samples().length; i++) {
            diff += Math.abs(u.samples()[i] - clean[offset + i]);
        }
        assertTrue(diff / u.samples().length < 0.06, "noisy copy of the same audio, mean abs diff " + diff / u.samples().length);
    }

    @Test
    void hangoverDecidesWhetherAPauseSplitsTheUtterance() {
        float[] a = Espeak.say("en", "go forward");
        float[] b = Espeak.say("en", "two meters");
        Scene s = new Scene(5).place(a, 500).place(b, 500 + a.length / 16 + 500);
        float[] x = s.clean();
        assertEquals(2, utterances(run(x, EndpointerSettings.defaults(), 320)).size(), "300 ms hangover: a 500 ms pause splits");
        var longHangover = new EndpointerSettings(Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(15), Duration.ofMillis(120));
        List<Utterance> merged = utterances(run(x, longHangover, 320));
        assertEquals(1, merged.size(), "800 ms hangover: one utterance");
        assertTrue(Math.abs(merged.get(0).endMs() - s.placements().get(1).endMs()) <= TOLERANCE_MS);
    }

    @Test
    void longSpeechIsCutAtTheMaximumLengthAndContinues() {
        Scene s = new Scene(9);
        float[] talk = Espeak.say("en", "this is a very long instruction that keeps going and going without any pause at all for quite a while", 200, 50);
        s.place(talk, 500);
        var settings = new EndpointerSettings(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(120));
        List<Utterance> got = utterances(run(s.clean(), settings, 320));
        assertTrue(got.size() >= 2, describe(got));
        Utterance first = got.get(0);
        assertEquals(Utterance.EndReason.MAX_LENGTH, first.endReason());
        assertEquals(2000, first.endMs() - first.startMs(), 10);
    }

    @Test
    void aClickIsDiscardedNotAnUtterance() {
        float[] x = new float[3 * 16_000];
        float[] click = Signals.tone(1000, 0.5, 0.06, 16_000);
        Signals.mixInto(x, click, 16_000);
        List<SpeechEvent> events = run(x, EndpointerSettings.defaults(), 320);
        assertTrue(utterances(events).isEmpty(), events.toString());
    }

    @Test
    void resultsDoNotDependOnChunkSize() {
        float[] x = scene(800).withNoise(Signals.whiteNoise(0.05, 15, 16_000, 31), 10);
        List<Utterance> a = utterances(run(x, EndpointerSettings.defaults(), 160));
        List<Utterance> b = utterances(run(x, EndpointerSettings.defaults(), 4093));
        assertEquals(describe(a), describe(b));
    }

    @Test
    void streamEndingInSpeechClosesTheUtterance() {
        float[] clip = Espeak.say("en", "stop");
        Scene s = new Scene(1.0 + clip.length / 16_000.0).place(clip, 1000);
        List<Utterance> got = utterances(run(s.clean(), EndpointerSettings.defaults(), 320));
        assertEquals(1, got.size());
        assertEquals(Utterance.EndReason.END_OF_STREAM, got.get(0).endReason());
    }

    static String describe(List<Utterance> us) {
        StringBuilder sb = new StringBuilder();
        for (Utterance u : us) {
            sb.append(u.startMs()).append('-').append(u.endMs()).append(' ');
        }
        return sb.toString();
    }
}
