package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.speech.audio.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code robot transcribe} contract (the speech module's own tests cover real speech and real Whisper). */
class TranscribeCommandTest {
    @TempDir
    Path dir;

    /** A voiced, speech-like sound: harmonics of a gliding 120-160 Hz fundamental with syllable-rate loudness. */
    private static void voiced(float[] x, double fromS, double toS) {
        int a = (int) (fromS * 16_000);
        int b = (int) (toS * 16_000);
        double phase = 0;
        for (int i = a; i < b; i++) {
            double t = (i - a) / 16_000.0;
            double f0 = 140 + 20 * Math.sin(2 * Math.PI * 1.5 * t);
            phase += 2 * Math.PI * f0 / 16_000;
            double envelope = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t);
            double s = 0;
            for (int h = 1; h <= 12; h++) {
                s += Math.sin(h * phase) / h;
            }
            x[i] = (float) (0.15 * envelope * s);
        }
    }

    @Test
    void vadOnlyPrintsOneJsonObjectPerUtteranceWithoutAsrFields() throws Exception {
        float[] x = new float[4 * 16_000];
        voiced(x, 0.5, 1.3);
        voiced(x, 2.3, 3.0); // one second of silence between the two
        Path wav = dir.resolve("two.wav");
        WavWriter.writePcm16(wav, x, 16_000);
        CliHarness r = CliHarness.run("", Map.of(), "transcribe", "--vad-only", wav.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(2, lines.size(), r.stdout());
        long[][] truth = {{500, 1300}, {2300, 3000}};
        for (int i = 0; i < 2; i++) {
            JsonNode o = lines.get(i);
            assertEquals(wav.toString(), o.get("file").asText());
            assertTrue(Math.abs(o.get("startMs").asLong() - truth[i][0]) <= 150, o.toString());
            assertTrue(Math.abs(o.get("endMs").asLong() - truth[i][1]) <= 150, o.toString());
            assertTrue(o.get("prosody").get("pitchMeanHz").asDouble() > 100, o.toString());
            assertFalse(o.has("text") || o.has("language") || o.has("languageProbability"), o.toString());
        }
    }

    @Test
    void missingOrCorruptModelNamesTheFileAndExits1() throws Exception {
        Path wav = dir.resolve("a.wav");
        WavWriter.writePcm16(wav, new float[16_000], 16_000);
        Path missing = dir.resolve("ggml-base.bin");
        CliHarness r = CliHarness.run("", Map.of(), "transcribe", "--model", missing.toString(), wav.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains(missing.toString()) && r.stderr().contains("no such file"), r.stderr());
        assertEquals("", r.stdout());

        Path corrupt = Files.write(dir.resolve("corrupt.bin"), new byte[] {'l', 'm', 'g', 'g', 0, 0, 0, 0, 9});
        CliHarness c = CliHarness.run("", Map.of(), "transcribe", "--model", corrupt.toString(), wav.toString());
        assertEquals(1, c.exitCode());
        assertTrue(c.stderr().contains(corrupt.toString()), c.stderr());
    }

    @Test
    void unreadableAudioFileIsReportedAndExits1() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio");
        CliHarness r = CliHarness.run("", Map.of(), "transcribe", "--vad-only", text.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains(text.toString()) && r.stderr().contains("not a WAV file"), r.stderr());
    }
}
