package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code robot safety check} contract: one JSON verdict per input line. */
class SafetyCheckCommandTest {
    @Test
    void inputVerdictsPerLine() {
        CliHarness r = CliHarness.run("kill the process\nyou are a stupid robot\n배고파 죽겠어\n", Map.of(), "safety", "check");
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(3, lines.size());
        assertEquals("kill the process", lines.get(0).get("text").asText());
        assertEquals("allow", lines.get(0).get("verdict").asText());
        assertEquals(0, lines.get(0).get("categories").size());
        assertTrue(lines.get(0).has("score"));
        assertFalse(lines.get(0).has("rewrite"));
        assertEquals("block", lines.get(1).get("verdict").asText());
        assertEquals("insult", lines.get(1).get("categories").get(0).asText());
        assertEquals("allow", lines.get(2).get("verdict").asText());
    }

    @Test
    void outputDirectionSoftensAndTheConfigurationCanSwitchTheFilterOff() {
        CliHarness r = CliHarness.run("That is a damn stupid plan.\n", Map.of(), "safety", "check", "--direction", "output");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode line = r.jsonLines().get(0);
        assertEquals("rewrite", line.get("verdict").asText());
        assertEquals("That is an unwise plan.", line.get("rewrite").asText());
        CliHarness off = CliHarness.run("you are a stupid robot\n", Map.of("ROBOT_SAFETY_ENABLED", "false"), "safety", "check");
        assertEquals("allow", off.jsonLines().get(0).get("verdict").asText());
    }

    @Test
    void aBadDirectionIsAUsageError() {
        CliHarness r = CliHarness.run("", Map.of(), "safety", "check", "--direction", "sideways");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("sideways") && r.stderr().contains("input, output"), r.stderr());
    }
}
