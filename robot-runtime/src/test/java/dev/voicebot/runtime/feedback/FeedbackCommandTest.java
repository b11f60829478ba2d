package dev.voicebot.runtime.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.runtime.CliHarness;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot feedback list} and {@code robot feedback export} on a real feedback store. */
class FeedbackCommandTest {
    @TempDir
    Path data;

    private Map<String, String> env() {
        return Map.of("ROBOT_DATA_DIR", data.toString());
    }

    private void store() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(new ConfigLoader().defaults().audit(), data.resolve(FeedbackStore.DIRECTORY),
                DirectoryCreator.plain(), Clock.systemUTC())) {
            store.append(new FeedbackReport("r-1", 1_700_000_000_000L, "2023-11-14T22:13:20Z", "robot1", "voice", "rude", "that was rude",
                    "m-1", new Said("Whatever, human.", "en"), new Said("tell me a joke", "en")));
            store.append(new FeedbackReport("r-2", 1_700_000_060_000L, "2023-11-14T22:14:20Z", "robot1", "mqtt", "wrong",
                    "it said \"turn\", I meant left,\nnot right", "m-2", new Said("오른쪽으로 돌게요.", "ko"), new Said("왼쪽으로 돌아", "ko")));
        }
    }

    @Test
    void listShowsATableOfReports() throws Exception {
        store();
        CliHarness r = CliHarness.run("", env(), "feedback", "list");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("TIME (UTC)"), r.stdout());
        assertTrue(lines.get(1).matches("2023-11-14 22:13:20 +voice +rude +m-1 +tell me a joke +Whatever, human\\."), r.stdout());
        assertTrue(lines.get(2).contains("mqtt") && lines.get(2).contains("왼쪽으로 돌아"), r.stdout());
        assertEquals("2 report(s)", lines.get(3));
    }

    @Test
    void anEmptyStoreSaysSo() {
        CliHarness r = CliHarness.run("", env(), "feedback", "list");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("no reports", r.stdout().strip());
    }

    @Test
    void exportAsJsonLinesKeepsEveryField() throws Exception {
        store();
        CliHarness r = CliHarness.run("", env(), "feedback", "export");
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(2, lines.size());
        assertEquals("m-2", lines.get(1).get("replyMsgId").asText());
        assertEquals("오른쪽으로 돌게요.", lines.get(1).get("reply").get("text").asText());
        assertEquals("it said \"turn\", I meant left,\nnot right", lines.get(1).get("comment").asText());
    }

    @Test
    void exportAsCsvQuotesWhatNeedsQuoting() throws Exception {
        store();
        CliHarness r = CliHarness.run("", env(), "feedback", "export", "--format", "csv");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] records = r.stdout().split("\r\n");
        assertEquals("reportId,time,robotId,via,reason,comment,replyMsgId,replyText,replyLanguage,utteranceText,utteranceLanguage", records[0]);
        assertEquals("r-1,2023-11-14T22:13:20Z,robot1,voice,rude,that was rude,m-1,\"Whatever, human.\",en,tell me a joke,en", records[1]);
        assertEquals("r-2,2023-11-14T22:14:20Z,robot1,mqtt,wrong,\"it said \"\"turn\"\", I meant left,\nnot right\",m-2,오른쪽으로 돌게요.,ko,왼쪽으로 돌아,ko",
                records[2]);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliHarness r = CliHarness.run("", env(), "feedback", "export", "--format", "xml");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("unknown --format 'xml'"), r.stderr());
    }
}
