package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.brain.llm.testmodels.TinyLlamaModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot parse --model} and {@code robot chat} on real llama.cpp with a tiny scripted model. */
class LlmCliTest {
    static final String MOVE = "{\"reply\":\"OK, moving.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3}]}";
    /** One thread: the test machines' two cores are shared. */
    static final Map<String, String> ENV = Map.of("ROBOT_BRAIN_THREADS", "1");

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void writeModel() throws IOException {
        model = TinyLlamaModels.scripted(dir.resolve("move.gguf"), MOVE);
    }

    @Test
    void parseWithAModelRoutesWhatTheFastPathDoesNotCoverThroughTheLlm() {
        CliHarness r = CliHarness.run("stop\nCould you come a little closer to me?\n", ENV, "parse", "--model", model.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = r.jsonLines(); // stdout holds nothing but JSON lines: no native log in it
        assertEquals(2, lines.size(), r.stdout());
        assertEquals("fast", lines.get(0).get("path").asText());
        JsonNode llm = lines.get(1);
        assertEquals("llm", llm.get("path").asText());
        assertEquals("en", llm.get("language").asText());
        assertEquals("move", llm.get("intents").get(0).get("type").asText());
        assertEquals(1.0, llm.get("intents").get(0).get("distanceM").asDouble(), 1e-9);
        assertEquals(0.3, llm.get("intents").get(0).get("speedMps").asDouble(), 1e-9);
    }

    @Test
    void parseWithABrokenModelSaysWhyAndStops() {
        Path missing = dir.resolve("nope.gguf");
        CliHarness r = CliHarness.run("hello\n", ENV, "parse", "--model", missing.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains(missing.toString()) && r.stderr().contains("missing"), r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void chatShowsTheStreamedReplyTheIntentAndItsValidation() {
        CliHarness r = CliHarness.run("Could you come a little closer to me?\nstop\n/forget\n/quit\n", ENV,
                "chat", "--model", model.toString(), "--style", "Be brief.");
        assertEquals(0, r.exitCode(), r.stderr());
        String out = r.stdout();
        assertTrue(out.contains("llm: LLM tiny-test loaded from " + model), out);
        assertTrue(out.contains("robot> OK, moving."), out);
        assertTrue(out.contains("  path: llm, first token "), out);
        assertTrue(out.contains("  intent: {\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3} -> accepted"), out);
        assertTrue(out.contains("  path: fast"), out);
        assertTrue(out.contains("  intent: {\"type\":\"stop\"} -> accepted"), out);
        assertTrue(out.contains("(conversation forgotten)"), out);
    }

    @Test
    void chatWithoutAModelStillFollowsCommands() {
        CliHarness r = CliHarness.run("What is your favourite colour?\n멈춰\n", Map.of(), "chat");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("llm: no LLM configured"), r.stdout());
        assertTrue(r.stdout().contains("robot> Sorry, right now I can only follow commands"), r.stdout());
        assertTrue(r.stdout().contains("  intent: {\"type\":\"stop\"} -> accepted"), r.stdout());
    }
}
