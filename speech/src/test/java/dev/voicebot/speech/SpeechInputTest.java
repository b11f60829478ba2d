package dev.voicebot.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.SpeechConfig;
import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.PcmStreamSource;
import dev.voicebot.speech.audio.WavFileSource;
import dev.voicebot.speech.guard.RejectReason;
import dev.voicebot.speech.stop.StopDetection;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import dev.voicebot.speech.vad.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live front end the runtime wires for {@code robot run --input mic|wav:FILE}, fed from WAV files. */
class SpeechInputTest {
    private static final SpeechConfig DEFAULTS = new ConfigLoader().defaults().speech();
    @TempDir
    Path dir;

    static final class Recorder implements SpeechListener {
        final List<Long> starts = new CopyOnWriteArrayList<>();
        final List<Transcript> texts = new CopyOnWriteArrayList<>();
        final List<Utterance> utterances = new CopyOnWriteArrayList<>();
        final List<Utterance> untranscribed = new CopyOnWriteArrayList<>();
        final List<RejectReason> rejected = new CopyOnWriteArrayList<>();
        final List<StopDetection> stops = new CopyOnWriteArrayList<>();
        final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        final AtomicInteger ended = new AtomicInteger();

        @Override
        public void speechStarted(long startMs) {
            starts.add(startMs);
        }

        @Override
        public void recognized(Utterance utterance, Transcript transcript) {
            texts.add(transcript);
            utterances.add(utterance);
        }

        @Override
        public void rejected(Utterance utterance, RejectReason reason, String detail) {
            rejected.add(reason);
        }

        @Override
        public void untranscribed(Utterance utterance) {
            untranscribed.add(utterance);
        }

        @Override
        public void stopHeard(StopDetection detection) {
            stops.add(detection);
        }

        @Override
        public void failed(RuntimeException error) {
            failures.add(error);
        }

        @Override
        public void ended() {
            ended.incrementAndGet();
        }
    }

    private static SpeechConfig withModel(Path model) {
        return new SpeechConfig(model, "auto", List.of(), false, 1, 1, DEFAULTS.hangover(), DEFAULTS.preRoll(),
                DEFAULTS.maxUtterance(), DEFAULTS.stop());
    }

    private Path commandsWav() throws Exception {
        float[] a = Espeak.say("ko", "앞으로 천천히 가");
        float[] b = Espeak.say("en", "turn left");
        long second = 600 + a.length / 16 + 1000;
        Scene s = new Scene((second + b.length / 16 + 800) / 1000.0).place(a, 600).place(b, second);
        return WavFiles.pcm16(dir.resolve("commands.wav"), s.clean(), 16_000);
    }

    private static Recorder runToEnd(SpeechConfig config, AudioSource source, boolean motion) throws InterruptedException {
        Recorder r = new Recorder();
        // while moving, read at real-time pace like a microphone, so the stop decoder keeps up as it would live
        try (SpeechInput in = SpeechInput.builder(config, source, r).motionActive(motion).paced(motion).start()) {
            assertTrue(in.awaitEnd(Duration.ofSeconds(120)));
        }
        assertEquals(1, r.ended.get());
        return r;
    }

    @Test
    void withoutAModelUtterancesAreReportedUntranscribed() throws Exception {
        Recorder r = runToEnd(DEFAULTS, WavFileSource.open(commandsWav()), false);
        assertEquals(2, r.untranscribed.size());
        assertEquals(2, r.starts.size());
        assertEquals(List.of(), r.texts);
        assertEquals(List.of(), r.failures);
    }

    @Test
    void withAModelEveryUtteranceIsTranscribedWithItsLanguage() throws Exception {
        Path model = TinyWhisperModel.speaking("ko", "앞으로 천천히 가").write(dir.resolve("ko.bin"));
        Recorder r = runToEnd(withModel(model), WavFileSource.open(commandsWav()), false);
        assertEquals(2, r.texts.size(), "rejected: " + r.rejected);
        for (Transcript t : r.texts) {
            assertEquals("앞으로 천천히 가", t.text());
            assertEquals("ko", t.language());
        }
        assertEquals(List.of(), r.stops, "the stop path is off while the robot stands still");
    }

    @Test
    void whileMovingTheStopPathFiresBeforeTheUtteranceIsTranscribed() throws Exception {
        Path model = TinyWhisperModel.speaking("ko", "멈춰").write(dir.resolve("stop.bin"));
        Recorder r = runToEnd(withModel(model), WavFileSource.open(commandsWav()), true);
        assertFalse(r.stops.isEmpty());
        StopDetection first = r.stops.get(0);
        assertEquals("멈춰", first.word());
        long firstUtteranceEnd = r.utterances.stream().mapToLong(Utterance::endMs).min().orElseThrow();
        assertTrue(first.streamTimeMs() < 600 + 600, "within a hop or two of the first speech: " + first.streamTimeMs());
        assertTrue(first.streamTimeMs() < firstUtteranceEnd - 500, first.streamTimeMs() + " vs utterance end " + firstUtteranceEnd);
    }

    @Test
    void aFailingStreamIsReportedAndEnds() throws Exception {
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 40_000) {
                    throw new IOException("device unplugged");
                }
                return 0;
            }
        };
        Recorder r = runToEnd(DEFAULTS, new PcmStreamSource(broken, "stdin", false), false);
        assertEquals(1, r.failures.size());
        AudioFileException e = assertInstanceOf(AudioFileException.class, r.failures.get(0));
        assertTrue(e.getMessage().contains("stdin") && e.getMessage().contains("device unplugged"), e.getMessage());
    }

    @Test
    void aBadModelFailsAtStartAndClosesTheSource() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        AudioSource source = new AudioSource() {
            @Override
            public int read(float[] buffer) {
                return -1;
            }

            @Override
            public String name() {
                return "test";
            }

            @Override
            public void close() {
                closes.incrementAndGet();
            }
        };
        Path missing = dir.resolve("missing.bin");
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> SpeechInput.builder(withModel(missing), source, new Recorder()).start());
        assertEquals(missing, e.file());
        assertEquals(1, closes.get());
    }
}
