package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code robot parse} contract: one JSON object per input line. */
class ParseCommandTest {
    @Test
    void oneJsonObjectPerLineWithTheContractFields() {
        CliHarness r = CliHarness.run("move forward one meter\n멈춰\nI'm moving to Seoul next year\n", Map.of(), "parse");
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(3, lines.size());
        JsonNode move = lines.get(0);
        assertEquals("move forward one meter", move.get("text").asText());
        assertEquals("en", move.get("language").asText());
        assertEquals("fast", move.get("path").asText());
        assertEquals("move", move.get("intents").get(0).get("type").asText());
        assertEquals(1.0, move.get("intents").get(0).get("distanceM").asDouble(), 1e-9);
        assertEquals("ko", lines.get(1).get("language").asText());
        assertEquals("stop", lines.get(1).get("intents").get(0).get("type").asText());
        assertEquals("none", lines.get(2).get("path").asText());
        assertEquals(0, lines.get(2).get("intents").size());
    }

    @Test
    void configPrintShowsEffectiveValues() {
        CliHarness r = CliHarness.run("", Map.of("ROBOT_ROBOT_ID", "hall-bot"), "config", "print");
        assertEquals(0, r.exitCode(), r.stderr());
        org.junit.jupiter.api.Assertions.assertTrue(r.stdout().contains("id: hall-bot"), r.stdout());
    }
}
