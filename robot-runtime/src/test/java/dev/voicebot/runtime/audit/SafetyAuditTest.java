package dev.voicebot.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.brain.safety.Category;
import dev.voicebot.brain.safety.Direction;
import dev.voicebot.brain.safety.SafetyFilter;
import dev.voicebot.brain.safety.Verdict;
import dev.voicebot.config.AuditConfig;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RetentionConfig;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import dev.voicebot.runtime.privacy.PrivacyPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Word and motion decisions go into the audit log as one record shape, with personal data redacted. */
class SafetyAuditTest {
    @TempDir
    Path data;

    private static AuditConfig audit(boolean includeAllowed) {
        AuditConfig d = new ConfigLoader().defaults().audit();
        return new AuditConfig(true, includeAllowed, d.maxFileMb(), d.retention(), d.feedback());
    }

    private SafetyAudit open(boolean includeAllowed, boolean redact) {
        return SafetyAudit.open(audit(includeAllowed), data.resolve("audit"), DirectoryCreator.plain(),
                new PrivacyPolicy(redact, true), "robot1", Clock.systemUTC());
    }

    @Test
    void realFilterVerdictsAndAMotionRefusalAreRecordedInOrder() throws Exception {
        SafetyFilter filter = SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety());
        try (SafetyAudit audit = open(true, true)) {
            String insult = "you are a stupid useless robot";
            audit.record(audit.wordsEvent(filter.checkInput(insult, "en"), Direction.INPUT, insult, "en", "stdin"));
            String reply = "Sure, I will call 010-1234-5678 for you.";
            audit.record(audit.wordsEvent(filter.checkOutput(reply, "en"), Direction.OUTPUT, reply, "en", "reply"));
            audit.record(new SafetyEvent(SafetyEvent.Decision.REJECTED, "speed", List.of("declined: my email is kim@example.com"),
                    new Move(5.0, 3.0), null, "runtime", null));
        }
        List<JsonNode> records = JsonLinesReader.read(data.resolve("audit"), SafetyAudit.PREFIX).records();
        assertEquals(3, records.size());
        JsonNode first = records.get(0);
        assertEquals("words", first.get("kind").asText());
        assertEquals("robot1", first.get("robotId").asText());
        assertEquals("input", first.get("event").get("words").get("direction").asText());
        assertFalse(first.get("event").get("decision").asText().equals("allowed"), "an insult is not simply allowed: " + first);
        assertTrue(first.get("event").get("words").get("categories").toString().contains("insult"), first.toString());
        assertEquals("you are a stupid useless robot", first.get("event").get("words").get("text").asText());
        assertEquals("allowed", records.get(1).get("event").get("decision").asText());
        assertEquals("output", records.get(1).get("event").get("words").get("direction").asText());
        assertEquals("Sure, I will call [phone] for you.", records.get(1).get("event").get("words").get("text").asText());
        JsonNode motion = records.get(2);
        assertEquals("motion", motion.get("kind").asText());
        assertEquals("rejected", motion.get("event").get("decision").asText());
        assertEquals("move", motion.get("event").get("intent").get("type").asText());
        assertEquals("declined: my email is [email]", motion.get("event").get("reasons").get(0).asText());
        for (JsonNode r : records) {
            assertTrue(r.get("ts").asLong() > 0 && r.get("time").asText().endsWith("Z"), r.toString());
        }
    }

    @Test
    void allowedDecisionsAreLeftOutWhenConfigured() throws Exception {
        try (SafetyAudit audit = open(false, false)) {
            audit.record(audit.wordsEvent(Verdict.Allow.clean(), Direction.INPUT, "hello there", "en", "stdin"));
            assertFalse(Files.exists(data.resolve("audit")), "nothing written for an allowed text");
            audit.record(audit.wordsEvent(new Verdict.Block("Let's keep it kind.", Set.of(Category.INSULT), 0.9), Direction.OUTPUT,
                    "you idiot", "en", "reply"));
        }
        List<JsonNode> records = JsonLinesReader.read(data.resolve("audit"), SafetyAudit.PREFIX).records();
        assertEquals(1, records.size());
        assertEquals("blocked", records.get(0).get("event").get("decision").asText());
        assertEquals("Let's keep it kind.", records.get(0).get("event").get("words").get("replacement").asText());
        assertEquals("insult", records.get(0).get("event").get("code").asText());
    }

    @Test
    void aDisabledAuditWritesNothing() throws Exception {
        AuditConfig d = new ConfigLoader().defaults().audit();
        try (SafetyAudit audit = SafetyAudit.open(new AuditConfig(false, true, 1, new RetentionConfig(Duration.ofDays(1), 1), d.feedback()),
                data.resolve("audit"), DirectoryCreator.plain(), PrivacyPolicy.open(), "robot1", Clock.systemUTC())) {
            audit.record(audit.wordsEvent(new Verdict.Block("No.", Set.of(Category.THREAT), 1.0), Direction.INPUT, "x", "en", "stdin"));
            audit.sweep();
        }
        assertFalse(Files.exists(data.resolve("audit")));
    }
}
