package dev.voicebot.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.safety.SafetyOutcome;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.testing.SchemaValidation;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.CliHarness;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Motion safety through the whole runtime, and every message on the bus against its JSON Schema. */
class MotionSafetyEndToEndTest {

    @Test
    void fiftyMetresTypedOnStdinEndsInsideTheGeofenceAndSaysWhatWasClamped() {
        CliHarness r = CliHarness.run("move forward fifty meters\n", Map.of("ROBOT_MOTION_DEFAULT_SPEED_MPS", "0.5"), "run", "--input", "stdin", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> states = r.events("state");
        JsonNode last = states.get(states.size() - 1);
        assertEquals("idle", last.get("activity").asText(), r.stdout());
        assertEquals(3.0, last.get("x").asDouble(), 0.05, "clamped to one move's 3 m limit: " + r.stdout());
        assertTrue(Math.abs(last.get("x").asDouble()) <= 5 && Math.abs(last.get("y").asDouble()) <= 5, "inside the ±5 m geofence");
        JsonNode safety = r.events("safety").get(0);
        assertEquals("clamped", safety.get("decision").asText());
        assertTrue(safety.get("reason").asText().contains("50.00 m") && safety.get("reason").asText().contains("3.00 m"), safety.toString());
        assertEquals(50.0, safety.get("intent").get("distanceM").asDouble());
        assertEquals(3.0, safety.get("adjusted").get("distanceM").asDouble());
        assertEquals(3.0, r.events("command").get(0).get("intent").get("distanceM").asDouble(), "the clamped move is what was sent");
    }

    @Test
    void everyMessageOnTheBusMatchesItsSchema() throws Exception {
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_MQTT_HERMES_ENABLED", "true",
                "ROBOT_MOTION_DEFAULT_SPEED_MPS", "0.5", "ROBOT_MOTION_DEFAULT_TURN_RATE_DEG_PER_S", "90"));
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        SchemaValidation schemas = new SchemaValidation();
        try (RobotRuntime runtime = RobotRuntime.start(config, seen::add);
             Recorder rec = Recorder.on(runtime.brokerUri(), "robot/+/#", "hermes/#")) {
            runtime.handleText("move forward fifty meters", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(30)));
            runtime.handleText("move back two meters", null, "test");
            assertTrue(runtime.safety().pending().isPresent(), "a 2 m backward move waits for a yes: " + seen);
            runtime.handleText("yes", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(1.0, runtime.lastState().orElseThrow().x(), 0.05, "3 m forward, then 2 m back");
            runtime.engageEstop("test", "schema check");
            assertInstanceOf(SafetyOutcome.Refused.class, runtime.sendCommand(new dev.voicebot.actuators.intent.Turn(90, 45)));
            runtime.resetEstop("test");
            runtime.handleText("turn left", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(30)));
            rec.await(m -> m.topic().endsWith("/heartbeat"), Duration.ofSeconds(5), "a heartbeat");

            List<String> problems = new ArrayList<>();
            Set<String> topics = new TreeSet<>();
            for (BusMessage m : rec.messages()) {
                if (m.payload().length == 0) {
                    continue; // a cleared retained message
                }
                topics.add(m.topic());
                for (String p : schemas.problems(m.topic(), m.payload())) {
                    problems.add(m.topic() + ": " + p + " in " + m.text());
                }
            }
            assertEquals(List.of(), problems.subList(0, Math.min(5, problems.size())), problems.size() + " problem(s)");
            String base = "robot/" + runtime.topics().robotId() + "/";
            for (String leaf : List.of("command", "ack", "state", "status/runtime", "status/controller", "utterance", "intents",
                    "safety/events", "estop", "heartbeat")) {
                assertTrue(topics.contains(base + leaf), leaf + " not seen in " + topics);
            }
            assertTrue(topics.containsAll(List.of("hermes/asr/textCaptured", "hermes/intent/move", "hermes/intent/turn")), topics.toString());
            List<String> decisions = rec.payloads(base + "safety/events").stream().map(p -> p.get("decision").asText()).toList();
            assertTrue(decisions.containsAll(List.of("clamped", "needs-confirmation", "confirmed", "estop-engaged", "rejected", "estop-reset")),
                    decisions.toString());
        }
    }
}
