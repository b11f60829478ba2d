package dev.voicebot.speech.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.asr.WhisperEngine;
import dev.voicebot.speech.asr.WhisperWorker;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.Signals;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.vad.EndpointerSettings;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Whisper rolling-window stop path with real whisper.cpp. The tiny model says "멈춰" for any
 * audio it is given, so these tests check the path itself: no decode while disarmed or without voice
 * activity, a detection within one hop of enough speech, long before the utterance ends, and none
 * when Whisper's text has no stop word.
 */
class RollingWindowStopDetectorTest {
    @TempDir
    static Path dir;
    static WhisperEngine stopModel;
    static WhisperEngine goModel;

    @BeforeAll
    static void load() throws Exception {
        stopModel = WhisperEngine.load(TinyWhisperModel.speaking("ko", "멈춰!").write(dir.resolve("stop.bin")));
        goModel = WhisperEngine.load(TinyWhisperModel.speaking("ko", "앞으로 가").write(dir.resolve("go.bin")));
    }

    @AfterAll
    static void close() {
        stopModel.close();
        goModel.close();
    }

    private record Result(List<StopDetection> detections, long decodes, List<SpeechEvent> events) {
    }

    private static Result run(WhisperEngine engine, float[] x, boolean armed) {
        List<StopDetection> got = new CopyOnWriteArrayList<>();
        List<SpeechEvent> events = new ArrayList<>();
        try (WhisperWorker worker = engine.newWorker()) {
            RollingWindowStopDetector d = new RollingWindowStopDetector(worker, AsrOptions.defaults(),
                    new StopWordMatcher(List.of("stop", "멈춰", "정지", "그만")), Duration.ofMillis(800), Duration.ofMillis(200),
                    Runnable::run, got::add);
            d.setArmed(armed);
            SpeechPipeline p = new SpeechPipeline(EndpointerSettings.defaults(), d);
            for (int i = 0; i < x.length; i += 320) {
                int n = Math.min(320, x.length - i);
                events.addAll(p.accept(x, i, n));
                d.accept(x, i, n);
            }
            events.addAll(p.finish());
            return new Result(got, d.decodeCount(), events);
        }
    }

    private static Scene longUtterance() {
        float[] talk = Espeak.say("ko", "앞으로 천천히 가다가 오른쪽으로 돌아서 계속 가", 150, 50);
        return new Scene(talk.length / 16_000.0 + 3).place(talk, 1000);
    }

    @Test
    void firesWithinAHopOfSpeechWithoutWaitingForTheUtteranceToEnd() {
        Scene s = longUtterance();
        Result r = run(stopModel, s.withNoise(Signals.whiteNoise(0.05, 30, 16_000, 2), 20), true);
        // the model hears "멈춰" in every window; overlapping windows are debounced
        for (int i = 1; i < r.detections().size(); i++) {
            assertTrue(r.detections().get(i).streamTimeMs() - r.detections().get(i - 1).streamTimeMs() >= RollingWindowStopDetector.REFRACTORY_MS);
        }
        StopDetection d = r.detections().get(0);
        assertEquals("멈춰", d.word());
        assertEquals(StopDetection.Source.WHISPER_WINDOW, d.source());
        long onset = s.placements().get(0).startMs();
        // enough speech (150 ms) in the window, then at most one 200 ms hop
        assertTrue(d.streamTimeMs() >= onset + 150 && d.streamTimeMs() <= onset + 150 + 200 + 100, "detected at " + d.streamTimeMs());
        long utteranceEnd = r.events().stream().filter(e -> e instanceof SpeechEvent.UtteranceEnded)
                .mapToLong(e -> ((SpeechEvent.UtteranceEnded) e).utterance().endMs()).max().orElseThrow();
        assertTrue(utteranceEnd - d.streamTimeMs() > 2_000, "long before the utterance ended at " + utteranceEnd);
    }

    @Test
    void noDecodingWhileDisarmedOrWithoutVoiceActivity() {
        Result disarmed = run(stopModel, longUtterance().clean(), false);
        assertEquals(0, disarmed.decodes());
        assertEquals(List.of(), disarmed.detections());

        Result noise = run(stopModel, Signals.whiteNoise(0.1, 6, 16_000, 3), true);
        assertEquals(0, noise.decodes(), "noise alone is never sent to Whisper");
        Result silence = run(stopModel, new float[6 * 16_000], true);
        assertEquals(0, silence.decodes());
    }

    @Test
    void textWithoutAStopWordDoesNotFire() {
        Result r = run(goModel, longUtterance().clean(), true);
        assertTrue(r.decodes() >= 5, "windows were decoded: " + r.decodes());
        assertEquals(List.of(), r.detections());
    }

    @Test
    void decodesOnABackgroundThreadNeverQueueUp() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        List<StopDetection> got = new CopyOnWriteArrayList<>();
        float[] x = longUtterance().clean();
        try (WhisperWorker worker = goModel.newWorker()) {
            RollingWindowStopDetector d = new RollingWindowStopDetector(worker, AsrOptions.defaults(), new StopWordMatcher(List.of("stop")),
                    Duration.ofMillis(800), Duration.ofMillis(200), pool, got::add);
            d.setArmed(true);
            SpeechPipeline p = new SpeechPipeline(EndpointerSettings.defaults(), d);
            for (int i = 0; i < x.length; i += 320) {
                p.accept(x, i, Math.min(320, x.length - i));
                d.accept(x, i, Math.min(320, x.length - i));
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            long windows = (x.length / 16 - 800) / 200 + 1;
            assertTrue(d.decodeCount() >= 1 && d.decodeCount() <= windows, d.decodeCount() + " decodes for " + windows + " windows");
        }
    }
}
