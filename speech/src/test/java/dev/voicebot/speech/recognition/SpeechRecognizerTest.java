package dev.voicebot.speech.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.asr.WhisperEngine;
import dev.voicebot.speech.features.Prosody;
import dev.voicebot.speech.guard.RejectReason;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.Signals;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.vad.EndpointerSettings;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import dev.voicebot.speech.vad.Utterance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guards around real whisper.cpp, on endpointed espeak-ng audio. */
class SpeechRecognizerTest {
    @TempDir
    Path dir;

    private static List<Utterance> endpoint(float[] x) {
        SpeechPipeline p = new SpeechPipeline(EndpointerSettings.defaults());
        List<SpeechEvent> events = new ArrayList<>(p.accept(x));
        events.addAll(p.finish());
        return events.stream().filter(e -> e instanceof SpeechEvent.UtteranceEnded)
                .map(e -> ((SpeechEvent.UtteranceEnded) e).utterance()).toList();
    }

    private static Utterance spoken(String voice, String text, double snrDb) {
        Scene s = new Scene(4).place(Espeak.say(voice, text), 1000);
        float[] x = Double.isInfinite(snrDb) ? s.clean() : s.withNoise(Signals.whiteNoise(0.05, 4, 16_000, 9), snrDb);
        List<Utterance> us = endpoint(x);
        assertEquals(1, us.size());
        return us.get(0);
    }

    @Test
    void hallucinationOnQuietAudioIsDroppedWithItsReasonButClearSpeechIsKept() throws Exception {
        try (WhisperEngine engine = WhisperEngine.load(TinyWhisperModel.speaking("en", "Thank you for watching!").write(dir.resolve("thanks.bin")));
             SpeechRecognizer r = new SpeechRecognizer(engine, AsrOptions.defaults())) {
            AsrResult quiet = r.recognize(spoken("en", "thank you for watching", 7));
            AsrResult.Rejected rejected = assertInstanceOf(AsrResult.Rejected.class, quiet);
            assertEquals(RejectReason.KNOWN_HALLUCINATION, rejected.reason());
            assertNotNull(rejected.transcript(), "Whisper ran; its text is kept for the log");
            assertTrue(rejected.detail().contains("quiet"), rejected.detail());

            AsrResult loud = r.recognize(spoken("en", "thank you for watching", Double.POSITIVE_INFINITY));
            AsrResult.Recognized ok = assertInstanceOf(AsrResult.Recognized.class, loud);
            assertEquals("Thank you for watching!", ok.transcript().text());
        }
    }

    @Test
    void koreanHallucinationIsDroppedOnQuietAudio() throws Exception {
        try (WhisperEngine engine = WhisperEngine.load(TinyWhisperModel.speaking("ko", "시청해주셔서 감사합니다.").write(dir.resolve("ko.bin")));
             SpeechRecognizer r = new SpeechRecognizer(engine, AsrOptions.defaults())) {
            AsrResult.Rejected rejected = assertInstanceOf(AsrResult.Rejected.class, r.recognize(spoken("ko", "정지", 7)));
            assertEquals(RejectReason.KNOWN_HALLUCINATION, rejected.reason());
            assertEquals("ko", rejected.transcript().language());
        }
    }

    @Test
    void ordinaryQuietCommandIsKept() throws Exception {
        try (WhisperEngine engine = WhisperEngine.load(TinyWhisperModel.speaking("ko", "앞으로 가").write(dir.resolve("go.bin")));
             SpeechRecognizer r = new SpeechRecognizer(engine, AsrOptions.defaults())) {
            AsrResult.Recognized ok = assertInstanceOf(AsrResult.Recognized.class, r.recognize(spoken("ko", "앞으로 가", 7)));
            assertEquals("앞으로 가", ok.transcript().text());
            assertEquals("ko", ok.transcript().language());
        }
    }

    @Test
    void noWhisperCallWithoutVoiceActivity() throws Exception {
        try (WhisperEngine engine = WhisperEngine.load(TinyWhisperModel.speaking("en", "Thank you.").write(dir.resolve("t.bin")));
             SpeechRecognizer r = new SpeechRecognizer(engine, AsrOptions.defaults())) {
            // pure noise and silence never make an utterance to decode
            assertEquals(List.of(), endpoint(Signals.whiteNoise(0.1, 10, 16_000, 4)));
            assertEquals(List.of(), endpoint(new float[10 * 16_000]));
            // and an utterance without real voice activity is refused before Whisper
            Prosody none = new Prosody(Double.NaN, Double.NaN, Double.NaN, Double.NaN, -60, 0, 0, 0, 0);
            Utterance faint = new Utterance(0, 80, 0, new float[16_000], none, new Utterance.VoiceStats(4, -62, -60, 5),
                    Utterance.EndReason.SILENCE);
            AsrResult.Rejected rejected = assertInstanceOf(AsrResult.Rejected.class, r.recognize(faint));
            assertEquals(RejectReason.NO_VOICE_ACTIVITY, rejected.reason());
            assertNull(rejected.transcript());
            assertEquals(0, r.decodeCount());
        }
    }
}
