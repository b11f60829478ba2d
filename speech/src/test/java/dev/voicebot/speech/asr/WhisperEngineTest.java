package dev.voicebot.speech.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.TranscriptionException;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.TinyWhisperModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real whisper.cpp (whisper-jni) on tiny generated models whose output is known. */
class WhisperEngineTest {
    @TempDir
    static Path dir;
    static WhisperEngine korean;
    static WhisperEngine english;
    static float[] speech;

    @BeforeAll
    static void load() throws Exception {
        korean = WhisperEngine.load(TinyWhisperModel.speaking("ko", "앞으로 가").translation("go forward").write(dir.resolve("ko.bin")));
        english = WhisperEngine.load(TinyWhisperModel.speaking("en", "turn left").write(dir.resolve("en.bin")));
        speech = Espeak.say("ko", "앞으로 가");
    }

    @AfterAll
    static void close() {
        korean.close();
        english.close();
    }

    @Test
    void autoDetectsLanguageWithProbabilityAndTranscribes() {
        try (WhisperWorker w = korean.newWorker()) {
            Transcript t = w.transcribe(speech, AsrOptions.defaults());
            assertEquals("앞으로 가", t.text());
            assertEquals("ko", t.language());
            assertEquals(1.0, t.languageProbability(), 0.01);
            assertEquals("ko", t.detectedLanguage());
            assertFalse(t.translated());
            assertFalse(t.languageForced());
            assertEquals(1, t.segments().size());
        }
        try (WhisperWorker w = english.newWorker()) {
            Transcript t = w.transcribe(speech, AsrOptions.defaults());
            assertEquals("turn left", t.text());
            assertEquals("en", t.language());
            assertEquals(1.0, t.languageProbability(), 0.01);
        }
    }

    @Test
    void translatesToEnglishWhenAsked() {
        try (WhisperWorker w = korean.newWorker()) {
            Transcript t = w.transcribe(speech, AsrOptions.defaults().withTranslate(true));
            assertEquals("go forward", t.text());
            assertEquals("ko", t.language());
            assertTrue(t.translated());
        }
    }

    @Test
    void languageOutsideTheAllowedListIsDecodedAgainAsTheFirstAllowed() {
        try (WhisperWorker w = korean.newWorker()) {
            long before = w.decodeCount();
            Transcript t = w.transcribe(speech, AsrOptions.defaults().withAllowedLanguages(List.of("en", "ja")));
            assertEquals(2, w.decodeCount() - before, "detect, then decode again");
            assertEquals("en", t.language());
            assertEquals("ko", t.detectedLanguage());
            assertTrue(Double.isNaN(t.languageProbability()));
            assertTrue(t.languageForced());

            Transcript allowed = w.transcribe(speech, AsrOptions.defaults().withAllowedLanguages(List.of("en", "ko")));
            assertEquals("ko", allowed.language());
            assertEquals(1.0, allowed.languageProbability(), 0.01);

            Transcript forced = w.transcribe(speech, AsrOptions.defaults().withLanguage("ko"));
            assertEquals("ko", forced.language());
            assertEquals(null, forced.detectedLanguage());
            assertTrue(Double.isNaN(forced.languageProbability()));
        }
    }

    @Test
    void uncertainLanguageIdentificationReportsItsProbability() throws Exception {
        try (WhisperEngine unsure = WhisperEngine.load(TinyWhisperModel.speaking("ko", "네").unsureWith("ja", 0.97f).write(dir.resolve("unsure.bin")));
             WhisperWorker w = unsure.newWorker()) {
            Transcript t = w.transcribe(speech, AsrOptions.defaults());
            assertEquals("ko", t.language());
            assertTrue(t.languageProbability() > 0.5 && t.languageProbability() < 0.95, "p = " + t.languageProbability());
        }
    }

    @Test
    void audioShorterThanOneSecondIsPadded() {
        try (WhisperWorker w = korean.newWorker()) {
            float[] short300ms = java.util.Arrays.copyOf(speech, 4_800);
            Transcript t = w.transcribe(short300ms, AsrOptions.defaults());
            assertEquals("앞으로 가", t.text());
            assertEquals(300, t.audioMs());
            assertEquals("앞으로 가", w.transcribe(new float[1], AsrOptions.defaults()).text());
        }
    }

    @Test
    void workersOnSeveralThreadsEachGetTheirOwnLanguageResult() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Transcript>>> results = new ArrayList<>();
            for (WhisperEngine e : new WhisperEngine[] {korean, english, korean}) {
                results.add(pool.submit(() -> {
                    List<Transcript> out = new ArrayList<>();
                    try (WhisperWorker w = e.newWorker()) {
                        for (int i = 0; i < 8; i++) {
                            out.add(w.transcribe(speech, AsrOptions.defaults().withTranslate(i % 2 == 1)));
                        }
                    }
                    return out;
                }));
            }
            String[] expected = {"ko", "en", "ko"};
            for (int k = 0; k < 3; k++) {
                for (Transcript t : results.get(k).get()) {
                    assertEquals(expected[k], t.language());
                    assertEquals(1.0, t.languageProbability(), 0.01);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedWorkersAndEnginesRefuseWorkAndCloseOnce() throws Exception {
        WhisperEngine e = WhisperEngine.load(TinyWhisperModel.speaking("en", "hello").write(dir.resolve("closing.bin")));
        WhisperWorker w = e.newWorker();
        WhisperWorker other = e.newWorker();
        w.close();
        w.close();
        assertThrows(TranscriptionException.class, () -> w.transcribe(speech, AsrOptions.defaults()));
        e.close();
        e.close();
        TranscriptionException closed = assertThrows(TranscriptionException.class, () -> other.transcribe(speech, AsrOptions.defaults()));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        assertThrows(TranscriptionException.class, e::newWorker);
        other.close();
    }

    @Test
    void unknownLanguageCodesAreRefusedBeforeNativeCode() {
        assertThrows(IllegalArgumentException.class, () -> AsrOptions.defaults().withLanguage("xx"));
        assertThrows(IllegalArgumentException.class, () -> AsrOptions.defaults().withAllowedLanguages(List.of("en", "klingon")));
    }
}
