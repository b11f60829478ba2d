package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafetyCheckToolTest {
    private final SafetyCheckTool tool = new SafetyCheckTool(SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety()));
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode[] run(String input, Direction direction) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int n = tool.run(new BufferedReader(new StringReader(input)), out, direction);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(n, lines.length);
        JsonNode[] nodes = new JsonNode[lines.length];
        for (int i = 0; i < lines.length; i++) {
            nodes[i] = json.readTree(lines[i]);
        }
        return nodes;
    }

    @Test
    void oneJsonObjectPerInputLine() throws IOException {
        JsonNode[] out = run("kill the process\nyou stupid robot\n죽고 싶어\n", Direction.INPUT);
        assertEquals(3, out.length);
        assertEquals("kill the process", out[0].get("text").asText());
        assertEquals("allow", out[0].get("verdict").asText());
        assertEquals(0, out[0].get("categories").size());
        assertFalse(out[0].has("rewrite"));
        assertEquals("block", out[1].get("verdict").asText());
        assertEquals("insult", out[1].get("categories").get(0).asText());
        assertTrue(out[1].get("score").asDouble() >= 0.5);
        assertEquals("self_harm", out[2].get("categories").get(0).asText());
        assertTrue(out[2].get("reply").asText().contains("109"));
    }

    @Test
    void outputDirectionRewrites() throws IOException {
        JsonNode[] out = run("That was a damn good walk.", Direction.OUTPUT);
        assertEquals("rewrite", out[0].get("verdict").asText());
        assertEquals("That was a good walk.", out[0].get("rewrite").asText());
    }
}
