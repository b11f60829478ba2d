package dev.voicebot.actuators.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Pose;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.testing.SchemaValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped schemas accept what the Java types put on the wire, and refuse what they never would. */
class ProtocolSchemasTest {
    private final ObjectMapper json = WireJson.newMapper();
    private final SchemaValidation schemas = new SchemaValidation();

    private JsonNode wire(Object payload) {
        return json.valueToTree(Envelope.of("r1", payload));
    }

    private void valid(String topic, Object payload) throws Exception {
        byte[] bytes = payload instanceof Intent i
                ? json.writerFor(new TypeReference<Envelope<Intent>>() { }).writeValueAsBytes(Envelope.of("r1", i))
                : json.writeValueAsBytes(Envelope.of("r1", payload));
        assertEquals(List.of(), schemas.problems(topic, bytes), topic + " " + new String(bytes));
    }

    @Test
    void everySchemaFileIsShippedAndParses() {
        for (String name : ProtocolSchemas.NAMES) {
            assertNotNull(ProtocolSchemas.class.getResource(ProtocolSchemas.resource(name)), name);
            assertNotNull(schemas.schema(name), name);
        }
    }

    @Test
    void whatTheJavaTypesPublishMatchesTheSchemas() throws Exception {
        for (Intent i : List.of(new Move(-1.5, 0.3), new Turn(90, 45), new Stop(), new Gesture(Gesture.Name.SHAKE_HEAD),
                new Look(10, -5), new Pose(Pose.Posture.SIT), new Speak("안녕하세요", "ko"))) {
            valid("robot/r1/command", i);
        }
        valid("robot/r1/ack", new Ack("m1", Ack.Status.CLAMPED, "speed clamped"));
        valid("robot/r1/ack", new Ack("m1", Ack.Status.ACCEPTED, null));
        valid("robot/r1/state", new RobotState(1, 2, 90, RobotState.Activity.MOVING, 0.3, "stand", null, 0, 0, 1, "m1"));
        valid("robot/r1/status/runtime", new Status(Status.State.OFFLINE, "runtime"));
        valid("robot/r1/errors", new ErrorReport("controller", "robot/r1/command", "malformed command"));
        valid("robot/r1/estop", Estop.engage("button", "fall"));
        valid("robot/r1/estop", Estop.reset("operator", null, "tok"));
        valid("robot/r1/heartbeat", new Heartbeat(3, 250, "runtime"));
        valid("robot/r1/safety/events", new SafetyEvent(SafetyEvent.Decision.CLAMPED, null, List.of("distance"), new Move(50, 0.3),
                new Move(3, 0.3), "runtime", null));
        valid("robot/r1/safety/events", new SafetyEvent(SafetyEvent.Decision.BLOCKED, null, List.of("insult"), null, null, "brain", null,
                new SafetyEvent.Words("output", "en", List.of("insult"), 0.9, null, "Let's keep it kind.")));
        valid("robot/r1/utterance", Map.of("text", "move", "language", "en", "source", "stdin"));
        valid("robot/r1/intents", Map.of("language", "en", "path", "fast", "intents", List.of()));
        valid("robot/r1/reply", Map.of("text", "ok", "language", "en"));
        valid("robot/r1/feedback", Map.of("replyMsgId", "m9", "reason", "rude"));
        valid("robot/r1/timings", Map.of("startMs", 100, "endMs", 900, "stagesMs", Map.of("asr", 210.5, "total", 480.0)));
        valid("robot/r1/tts/status", Map.of("speaking", true, "text", "Hello.", "language", "en", "interrupted", false));
    }

    @Test
    void malformedPayloadsAreRefused() {
        JsonNode extra = json.valueToTree(Map.of("schemaVersion", 1, "msgId", "m", "ts", 1, "robotId", "r1",
                "payload", Map.of("type", "move", "distanceM", 1, "speedMps", 0.3, "fly", true)));
        assertFalse(schemas.problems("command", extra).isEmpty());
        assertFalse(schemas.problems("command", json.valueToTree(Map.of("schemaVersion", 1, "msgId", "m", "ts", 1, "robotId", "r1",
                "payload", Map.of("type", "move", "distanceM", 1, "speedMps", 0)))).isEmpty(), "speed must be positive");
        assertFalse(schemas.problems("ack", wire(Map.of("commandId", "m", "status", "maybe"))).isEmpty());
        assertFalse(schemas.problems("estop", wire(Map.of("engaged", true))).isEmpty(), "source is required");
        assertFalse(schemas.problems("state", json.valueToTree(Map.of("schemaVersion", 2, "msgId", "m", "ts", 1, "robotId", "r1",
                "payload", Map.of()))).isEmpty());
        assertTrue(schemas.problems("robot/r1/unknown", new byte[] {'{', '}'}).get(0).contains("no schema"));
    }

    @Test
    void topicsMapToTheirSchemas() {
        assertEquals("safety-event", ProtocolSchemas.forTopic("robot/x/safety/events").orElseThrow());
        assertEquals("status", ProtocolSchemas.forTopic("robot/x/status/controller").orElseThrow());
        assertEquals("hermes-intent", ProtocolSchemas.forTopic("hermes/intent/move").orElseThrow());
        assertTrue(ProtocolSchemas.forTopic("robot/x/status").isEmpty());
    }
}
