package dev.voicebot.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two robots, each with its runtime and simulator, on one broker: a command for one never moves the other. */
class FleetTest {
    private static final ObjectMapper JSON = WireJson.newMapper();

    @Test
    void twoRuntimesOnOneBrokerAreIsolatedByRobotId() throws Exception {
        RobotConfig alphaConfig = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_ROBOT_ID", "alpha"));
        try (RobotRuntime alpha = RobotRuntime.start(alphaConfig, EventSink.none())) {
            RobotConfig betaConfig = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_ROBOT_ID", "beta",
                    "ROBOT_MQTT_URL", alpha.brokerUri()));
            try (RobotRuntime beta = RobotRuntime.start(betaConfig, EventSink.none());
                 Recorder betaAcks = Recorder.on(alpha.brokerUri(), "robot/beta/ack");
                 MqttBus stray = MqttBus.connect(BusOptions.of(alpha.brokerUri(), "stray"))) {
                alpha.handleText("move forward one meter", null, "test");
                assertTrue(alpha.awaitIdle(Duration.ofSeconds(20)));
                assertEquals(1.0, alpha.lastState().orElseThrow().x(), 0.05);
                // a command addressed to alpha but sent on beta's topic is refused by beta's controller
                Envelope<Intent> wrong = Envelope.of("alpha", new Move(1, 0.3));
                byte[] payload = JSON.writerFor(new com.fasterxml.jackson.core.type.TypeReference<Envelope<Intent>>() { }).writeValueAsBytes(wrong);
                stray.publish(Publication.motion(beta.topics().command(), payload, Duration.ofSeconds(5), beta.topics().ack(),
                        wrong.msgId().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                JsonNode ack = betaAcks.awaitPayload("robot/beta/ack", p -> p.get("commandId").asText().equals(wrong.msgId()),
                        Duration.ofSeconds(10), "beta's answer");
                assertEquals("rejected", ack.get("status").asText());
                assertTrue(ack.get("reason").asText().contains("not 'beta'"), ack.toString());
                assertTrue(beta.awaitIdle(Duration.ofSeconds(10)));
                RobotState b = beta.lastState().orElseThrow();
                assertEquals(0.0, b.x(), 1e-9, "beta never moved");
                assertEquals(0.0, b.y(), 1e-9);
                assertEquals(null, b.lastCommandId(), "beta's controller executed nothing");
            }
        }
    }
}
