package dev.voicebot.brain.fastpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.config.MotionConfig;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of the English and Korean tables, compared by value with the expected intents. */
class FastPathTableTest {
    private static final TypeReference<List<Intent>> INTENTS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-9;

    private final FastPathGrammar grammar = new FastPathGrammar(new MotionConfig(0.3, 45));

    static Stream<UtteranceTable.Row> english() {
        return UtteranceTable.read("en.tsv").stream();
    }

    static Stream<UtteranceTable.Row> korean() {
        return UtteranceTable.read("ko.tsv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("english")
    void englishLine(UtteranceTable.Row row) throws JsonProcessingException {
        check(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("korean")
    void koreanLine(UtteranceTable.Row row) throws JsonProcessingException {
        check(row);
    }

    private void check(UtteranceTable.Row row) throws JsonProcessingException {
        Optional<List<Intent>> actual = grammar.parse(row.utterance());
        if (!row.isCommand()) {
            assertTrue(actual.isEmpty(), () -> row + " is not a command but parsed as " + actual.get());
            return;
        }
        if (actual.isEmpty()) {
            fail(row + " should parse as " + row.expected() + " but was not recognised as a command");
        }
        // Round-trip the expectation through the intent records so a typo in the table fails loudly.
        List<Intent> expectedIntents = JSON.readValue(row.expected(), INTENTS);
        JsonNode expected = JSON.readTree(JSON.writerFor(INTENTS).writeValueAsString(expectedIntents));
        JsonNode got = JSON.readTree(JSON.writerFor(INTENTS).writeValueAsString(actual.get()));
        assertTrue(expected.equals(FastPathTableTest::compareNodes, got),
                () -> row + "\n expected " + expected + "\n      got " + got);
    }

    /** Numbers equal within a tolerance (0.3 x 1.5 is 0.44999999999999996), everything else exactly. */
    private static int compareNodes(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.doubleValue() - b.doubleValue()) <= TOLERANCE ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    }

    @Test
    void tablesAreLargeEnoughAndCoverWhatTheIssueAsks() {
        for (String table : List.of("en.tsv", "ko.tsv")) {
            List<UtteranceTable.Row> rows = UtteranceTable.read(table);
            long commands = rows.stream().filter(UtteranceTable.Row::isCommand).count();
            long notCommands = rows.size() - commands;
            long multi = rows.stream().filter(r -> r.expected().startsWith("[{") && r.expected().contains("},{")).count();
            long stops = rows.stream().filter(r -> r.expected().equals("[{\"type\":\"stop\"}]")).count();
            assertTrue(rows.size() >= 60, table + " has " + rows.size() + " lines; at least 60 wanted");
            assertTrue(notCommands >= 15, table + " has " + notCommands + " non-commands; at least 15 wanted");
            assertTrue(multi >= 5, table + " has " + multi + " multi-command lines");
            assertTrue(stops >= 10, table + " has " + stops + " stop lines");
        }
    }

    @Test
    void everyStopWordOfBothLanguagesIsInTheTables() {
        List<UtteranceTable.Row> stops = Stream.concat(english(), korean())
                .filter(r -> r.expected().equals("[{\"type\":\"stop\"}]")).toList();
        for (String word : List.of("stop", "halt", "freeze", "멈춰", "정지", "그만", "스톱", "don't move", "움직이지 마")) {
            assertTrue(stops.stream().anyMatch(r -> r.utterance().toLowerCase().contains(word)), "no stop line uses " + word);
        }
    }

    @Test
    void stopLinesGiveExactlyOneStopAndNoTableLineEverSpeaks() {
        Stream.concat(english(), korean()).forEach(row -> {
            Optional<List<Intent>> parsed = grammar.parse(row.utterance());
            parsed.ifPresent(intents -> {
                assertFalse(intents.isEmpty(), row + " parsed to an empty list");
                assertFalse(intents.stream().anyMatch(i -> i.kind().equals("speak")), row + " produced speech");
                if (intents.stream().anyMatch(i -> i instanceof Stop)) {
                    assertEquals(List.of(new Stop()), intents, row + ": stop must come alone");
                }
            });
        });
    }
}
