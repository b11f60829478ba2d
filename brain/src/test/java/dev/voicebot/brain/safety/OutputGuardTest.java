package dev.voicebot.brain.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputGuardTest {
    private final SafetyFilter filter = SafetyFilter.withDefaultRules(new ConfigLoader().defaults().safety());

    private static List<String> texts(List<OutputGuard.Spoken> spoken) {
        return spoken.stream().map(OutputGuard.Spoken::text).toList();
    }

    @Test
    void aStreamedReplyIsReleasedSentenceBySentenceAndSoftened() {
        OutputGuard guard = new OutputGuard(filter, "en");
        List<String> said = new ArrayList<>();
        for (String chunk : List.of("Sure, I'll", " walk over.", " That damn rug is", " in the way. Almost", " there")) {
            said.addAll(texts(guard.push(chunk)));
        }
        said.addAll(texts(guard.finish()));
        assertEquals(List.of("Sure, I'll walk over.", "That rug is in the way.", "Almost there"), said);
        assertFalse(guard.stopped());
        assertInstanceOf(Verdict.Rewrite.class, guard.verdicts().get(1));
    }

    @Test
    void theFirstBlockedSentenceEndsTheReply() {
        OutputGuard guard = new OutputGuard(filter, "ko");
        List<String> said = new ArrayList<>(texts(guard.push("알겠어요. 여자들은 다 멍청해요. 그리고 ")));
        said.addAll(texts(guard.push("또 할 말이 있어요.")));
        said.addAll(texts(guard.finish()));
        assertEquals(2, said.size(), said.toString());
        assertEquals("알겠어요.", said.get(0));
        assertTrue(said.get(1).matches("(?s).*[가-힣].*") && !said.get(1).contains("멍청"), said.get(1));
        assertTrue(guard.stopped());
    }

    @Test
    void verdictsBecomeSafetyEventsWithAWordsPart() throws Exception {
        Verdict v = filter.checkInput("you stupid robot", "en");
        SafetyEvent e = SafetyEvents.of(v, Direction.INPUT, "en", "you stupid robot", "voice");
        assertEquals(SafetyEvent.Decision.BLOCKED, e.decision());
        JsonNode json = WireJson.newMapper().valueToTree(e);
        assertEquals("blocked", json.get("decision").asText());
        assertEquals("input", json.get("words").get("direction").asText());
        assertEquals("insult", json.get("words").get("categories").get(0).asText());
        assertEquals(SafetyEvent.Decision.ALLOWED, SafetyEvents.of(filter.checkInput("hello", "en"), Direction.INPUT, "en", "hello", "voice").decision());
    }
}
