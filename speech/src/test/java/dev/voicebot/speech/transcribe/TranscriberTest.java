package dev.voicebot.speech.transcribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.SpeechConfig;
import dev.voicebot.speech.AudioFileException;
import dev.voicebot.speech.ModelFileException;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriberTest {
    private static final SpeechConfig SPEECH = new ConfigLoader().defaults().speech();
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;

    /** Two spoken commands separated by one second of silence, written as a 22.05 kHz stereo WAV like a phone recording. */
    private Scene twoCommands() {
        float[] a = Espeak.say("en", "go forward two meters");
        float[] b = Espeak.say("ko", "왼쪽으로 돌아");
        long second = 700 + a.length / 16 + 1000;
        return new Scene((second + b.length / 16 + 700) / 1000.0).place(a, 700).place(b, second);
    }

    private Path wav(Scene s) throws Exception {
        float[] x = s.clean();
        float[] at22k = dev.voicebot.speech.audio.Resampler.convert(x, 16_000, 22_050);
        return WavFiles.write(dir.resolve("commands.wav"), at22k, 22_050, 2, WavFiles.Layout.PCM16, false);
    }

    @Test
    void vadOnlyFindsTwoCommandsSeparatedByOneSecondOfSilence() throws Exception {
        Scene s = twoCommands();
        Path file = wav(s);
        try (Transcriber t = new Transcriber(TranscribeOptions.from(SPEECH, null, null, false, true))) {
            List<TranscriptionRecord> records = t.transcribe(file);
            assertEquals(2, records.size(), records.toString());
            for (int i = 0; i < 2; i++) {
                Scene.Placement truth = s.placements().get(i);
                TranscriptionRecord r = records.get(i);
                assertTrue(Math.abs(r.startMs() - truth.startMs()) <= 150, r.startMs() + " vs " + truth);
                assertTrue(Math.abs(r.endMs() - truth.endMs()) <= 150, r.endMs() + " vs " + truth);
                JsonNode o = json.readTree(json.writeValueAsString(r.toJson(json)));
                assertEquals(file.toString(), o.get("file").asText());
                assertEquals(Set.of("file", "startMs", "endMs", "prosody"), fieldNames(o), "VAD-only has no ASR fields");
                assertTrue(o.get("prosody").get("speakingRate").asDouble() > 1);
            }
        }
    }

    @Test
    void withAModelEachUtteranceHasTextLanguageAndProbability() throws Exception {
        Path model = TinyWhisperModel.speaking("ko", "왼쪽으로 돌아").write(dir.resolve("ko.bin"));
        Path file = wav(twoCommands());
        try (Transcriber t = new Transcriber(TranscribeOptions.from(SPEECH, model, "auto", false, false))) {
            List<TranscriptionRecord> records = t.transcribe(file);
            assertEquals(2, records.size());
            JsonNode o = json.readTree(json.writeValueAsString(records.get(1).toJson(json)));
            assertEquals("왼쪽으로 돌아", o.get("text").asText());
            assertEquals("ko", o.get("language").asText());
            assertEquals(1.0, o.get("languageProbability").asDouble(), 0.01);
            assertTrue(fieldNames(o).containsAll(Set.of("file", "startMs", "endMs", "text", "language", "languageProbability", "prosody")));
            assertFalse(o.has("rejected"));
        }
        try (Transcriber t = new Transcriber(TranscribeOptions.from(SPEECH, model, "ko", false, false))) {
            JsonNode o = t.transcribe(file).get(0).toJson(json);
            assertEquals("ko", o.get("language").asText());
            assertTrue(o.get("languageProbability").isNull(), "no identification when the language is given");
        }
    }

    @Test
    void missingOrCorruptModelNamesTheFile() throws Exception {
        Path missing = dir.resolve("ggml-base.bin");
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new Transcriber(TranscribeOptions.from(SPEECH, missing, null, false, false)));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"), e.getMessage());

        Path corrupt = Files.write(dir.resolve("corrupt.bin"), new byte[] {'l', 'm', 'g', 'g', 1, 2, 3});
        ModelFileException c = assertThrows(ModelFileException.class,
                () -> new Transcriber(TranscribeOptions.from(SPEECH, corrupt, null, false, false)));
        assertTrue(c.getMessage().contains(corrupt.toString()), c.getMessage());

        ModelFileException none = assertThrows(ModelFileException.class,
                () -> new Transcriber(TranscribeOptions.from(SPEECH, null, null, false, false)));
        assertTrue(none.getMessage().contains("--model") && none.getMessage().contains("--vad-only"), none.getMessage());
    }

    @Test
    void unreadableAudioIsATypedErrorNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("notes.wav"), "not audio");
        try (Transcriber t = new Transcriber(TranscribeOptions.from(SPEECH, null, null, false, true))) {
            AudioFileException e = assertThrows(AudioFileException.class, () -> t.transcribe(bad));
            assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        }
    }

    private static Set<String> fieldNames(JsonNode o) {
        Set<String> names = new java.util.TreeSet<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
