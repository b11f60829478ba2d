package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.runtime.CliHarness;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code robot run --input wav:FILE --json} end to end: espeak-ng audio, the real endpointer, real
 * whisper.cpp on a generated tiny model, the embedded broker and the simulator.
 */
class SpokenRunCommandTest {
    @TempDir
    Path dir;

    private Path spoken(String voice, String text) throws Exception {
        float[] clip = Espeak.say(voice, text);
        Scene s = new Scene((600 + clip.length / 16 + 900) / 1000.0).place(clip, 600);
        return WavFiles.pcm16(dir.resolve(voice + ".wav"), s.clean(), 16_000);
    }

    private Map<String, String> env(Path model) {
        return model == null ? Map.of("ROBOT_DATA_DIR", dir.resolve("data").toString())
                : Map.of("ROBOT_DATA_DIR", dir.resolve("data").toString(), "ROBOT_SPEECH_MODEL", model.toString());
    }

    @Test
    void aSpokenEnglishCommandMovesTheRobotOneMetreAndPrintsTranscriptIntentsAndTimings() throws Exception {
        Path wav = spoken("en", "move forward one meter");
        Path model = TinyWhisperModel.speaking("en", "move forward one meter").write(dir.resolve("en.bin"));
        CliHarness r = CliHarness.run("", env(model), "run", "--input", "wav:" + wav, "--json");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());

        JsonNode transcript = r.events("transcript").get(0);
        assertEquals("move forward one meter", transcript.get("text").asText(), r.stdout());
        assertEquals("en", transcript.get("language").asText());
        assertEquals("wav", transcript.get("source").asText());
        assertTrue(transcript.get("languageProbability").asDouble() > 0.5, transcript.toString());
        assertTrue(transcript.get("startMs").asLong() >= 400 && transcript.get("startMs").asLong() <= 800, transcript.toString());
        assertTrue(transcript.get("endMs").asLong() > transcript.get("startMs").asLong(), transcript.toString());

        JsonNode intents = r.events("intents").get(0);
        assertEquals("fast", intents.get("path").asText());
        assertEquals("move", intents.get("intents").get(0).get("type").asText());
        assertEquals(1.0, intents.get("intents").get(0).get("distanceM").asDouble(), 1e-9);

        JsonNode timings = r.events("timings").get(0).get("stagesMs");
        for (String stage : List.of("endpointing", "asr", "brain", "safetyAndPublish", "total")) {
            assertTrue(timings.has(stage) && timings.get(stage).asDouble() >= 0, stage + " in " + timings);
        }
        assertTrue(timings.get("endpointing").asDouble() >= 100, "the hangover is part of endpointing: " + timings);
        assertTrue(timings.get("total").asDouble() >= timings.get("asr").asDouble(), timings.toString());

        List<JsonNode> states = r.events("state");
        JsonNode last = states.get(states.size() - 1);
        assertEquals("idle", last.get("activity").asText(), r.stdout());
        assertEquals(1.0, last.get("x").asDouble(), 0.05, r.stdout());
        List<String> kinds = r.jsonLines().stream().map(n -> n.get("event").asText()).toList();
        // after "stopped" only the acknowledgement of the final safe-stop command may follow
        assertTrue(kinds.contains("stopped") && kinds.subList(kinds.indexOf("stopped") + 1, kinds.size()).stream().allMatch("ack"::equals), r.stdout());
    }

    @Test
    void aSpokenKoreanCommandMovesTheRobot() throws Exception {
        Path wav = spoken("ko", "앞으로 일 미터 가");
        Path model = TinyWhisperModel.speaking("ko", "앞으로 일 미터 가").write(dir.resolve("ko.bin"));
        CliHarness r = CliHarness.run("", env(model), "run", "--input", "wav:" + wav, "--json");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode transcript = r.events("transcript").get(0);
        assertEquals("ko", transcript.get("language").asText(), r.stdout());
        assertEquals("move", r.events("intents").get(0).get("intents").get(0).get("type").asText(), r.stdout());
        List<JsonNode> states = r.events("state");
        assertEquals(1.0, states.get(states.size() - 1).get("x").asDouble(), 0.05, r.stdout());
    }

    @Test
    void aSpokenInsultGetsACalmReplyAndASafetyEventAndMovesNothing() throws Exception {
        Path wav = spoken("en", "you are a stupid useless robot");
        Path model = TinyWhisperModel.speaking("en", "you are a stupid useless robot").write(dir.resolve("insult.bin"));
        CliHarness r = CliHarness.run("", env(model), "run", "--input", "wav:" + wav, "--json");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        List<JsonNode> safety = r.events("safety");
        assertFalse(safety.isEmpty(), r.stdout());
        assertTrue(safety.get(0).get("words").get("categories").toString().contains("insult"), safety.toString());
        List<JsonNode> replies = r.events("reply");
        assertFalse(replies.isEmpty(), r.stdout());
        assertFalse(replies.get(0).get("text").asText().toLowerCase().contains("stupid"), replies.toString());
        assertTrue(r.events("command").isEmpty(), "an insult moves nothing: " + r.stdout());
    }

    @Test
    void withoutAModelRecognitionIsOffButUtterancesAreStillFound() throws Exception {
        Path wav = spoken("en", "move forward one meter");
        CliHarness r = CliHarness.run("", env(null), "run", "--input", "wav:" + wav, "--json");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode notice = r.events("notice").get(0);
        assertTrue(notice.get("message").asText().contains("robot models pull"), notice.toString());
        List<JsonNode> heard = r.events("heard");
        assertEquals(1, heard.size(), r.stdout());
        assertEquals("speech", heard.get(0).get("kind").asText());
        assertTrue(r.events("transcript").isEmpty());
        assertTrue(r.events("command").isEmpty());
    }

    @Test
    void aMissingWavFileIsAnErrorNamingItAndExitsOne() {
        Path missing = dir.resolve("nothing-here.wav");
        CliHarness r = CliHarness.run("", env(null), "run", "--input", "wav:" + missing, "--json");
        assertEquals(1, r.exitCode(), r.stdout());
        JsonNode error = r.events("error").get(0);
        assertTrue(error.get("message").asText().contains("nothing-here.wav"), error.toString());
    }
}
