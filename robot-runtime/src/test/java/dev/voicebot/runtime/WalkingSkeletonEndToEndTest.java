package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Typed commands through the real embedded broker to the simulator, as {@code robot run} does it. */
class WalkingSkeletonEndToEndTest {

    private static RobotConfig defaults() {
        return new ConfigLoader().load(Optional.empty(), Map.of());
    }

    @Test
    void typedMoveThroughTheCliEndsOneMetreAhead() {
        CliHarness r = CliHarness.run("move forward one meter\n", Map.of(), "run", "--input", "stdin", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        List<JsonNode> states = r.events("state");
        JsonNode last = states.get(states.size() - 1);
        assertEquals("idle", last.get("activity").asText(), r.stdout());
        assertEquals(1.0, last.get("x").asDouble(), 0.05, r.stdout());
        assertEquals(0.0, last.get("y").asDouble(), 0.05, r.stdout());
        JsonNode intents = r.events("intents").get(0);
        assertEquals("fast", intents.get("path").asText());
        assertEquals("move", intents.get("intents").get(0).get("type").asText());
        assertFalse(r.events("command").isEmpty(), r.stdout());
        assertEquals("accepted", r.events("ack").get(0).get("status").asText(), r.stdout());
        List<String> kinds = r.jsonLines().stream().map(n -> n.get("event").asText()).toList();
        assertEquals("ready", kinds.get(0), r.stdout());
        assertTrue(kinds.contains("stopped"), r.stdout());
        // after "stopped" only the acknowledgement of the final safe-stop command may follow
        assertTrue(kinds.subList(kinds.indexOf("stopped") + 1, kinds.size()).stream().allMatch("ack"::equals), r.stdout());
    }

    @Test
    void koreanStopWhileMovingStopsShort() throws Exception {
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(defaults(), seen::add)) {
            runtime.handleText("move forward two meters", null, "test");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runtime.lastState().map(RobotState::x).orElse(0.0) < 0.2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            double before = runtime.lastState().orElseThrow().x();
            assertTrue(before >= 0.2, "robot should be moving, x=" + before);
            runtime.handleText("멈춰", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(10)));
            double stoppedAt = runtime.lastState().orElseThrow().x();
            assertTrue(stoppedAt < 1.5, "stopped short of 2 m: x=" + stoppedAt);
            Thread.sleep(300);
            assertEquals(stoppedAt, runtime.lastState().orElseThrow().x(), 1e-9, "no motion after stop");
            assertTrue(seen.stream().anyMatch(e -> e instanceof RuntimeEvent.Intents i && i.language().equals("ko") && i.path().equals("fast")));
        }
    }

    @Test
    void malformedCommandPayloadIsReportedAndMovesNothing() throws Exception {
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(defaults(), seen::add);
             MqttBus intruder = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "intruder"))) {
            for (String bad : List.of("not json", "{\"schemaVersion\":1}", "{\"schemaVersion\":1,\"msgId\":\"m1\",\"ts\":1,\"robotId\":\"robot1\",\"payload\":{\"type\":\"move\",\"distanceM\":\"far\",\"speedMps\":0.3}}",
                    "{\"schemaVersion\":1,\"msgId\":\"m2\",\"ts\":1,\"robotId\":\"robot1\",\"payload\":{\"type\":\"fly\"}}")) {
                intruder.publish(Publication.event(runtime.topics().command(), bad.getBytes(StandardCharsets.UTF_8)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (seen.stream().filter(e -> e instanceof RuntimeEvent.Error).count() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<RuntimeEvent.Error> errors = seen.stream().filter(e -> e instanceof RuntimeEvent.Error).map(e -> (RuntimeEvent.Error) e).toList();
            assertEquals(4, errors.size(), seen.toString());
            assertTrue(errors.stream().allMatch(e -> e.message().contains("malformed command")), errors.toString());
            Thread.sleep(200);
            RobotState s = runtime.lastState().orElseThrow();
            assertEquals(0.0, s.x(), 1e-9);
            assertTrue(s.idle());
            // the simulator is still alive and obeys a good command afterwards
            runtime.handleText("move forward one meter", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(15)));
            assertEquals(1.0, runtime.lastState().orElseThrow().x(), 0.05);
        }
    }

    @Test
    void busyConfiguredPortIsAClearStartupError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliHarness r = CliHarness.run("", Map.of("ROBOT_MQTT_EMBEDDED_PORT", Integer.toString(port)), "run", "--json");
            assertEquals(1, r.exitCode());
            assertTrue(r.stderr().contains("port " + port) && r.stderr().contains("already in use"), r.stderr());
        }
    }

    @Test
    void configurationErrorsExitWithTwo() {
        CliHarness r = CliHarness.run("", Map.of("ROBOT_MQTT_EMBEDDED_PORT", "99999"), "run");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("mqtt.embedded.port") && r.stderr().contains("99999"), r.stderr());
        CliHarness usage = CliHarness.run("", Map.of(), "run", "--no-such-flag");
        assertEquals(2, usage.exitCode());
    }
}
