package dev.voicebot.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.safety.SafetyOutcome;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The e-stop with a configured reset token, through the runtime and the simulator's own controller:
 * a reset with the wrong token frees neither (the simulator refuses a command sent straight to it),
 * the process's own reset frees both, and nothing moves until a new command.
 */
class EstopEndToEndTest {
    private static final ObjectMapper JSON = WireJson.newMapper();

    @Test
    void bothTheRuntimeAndTheSimulatorHoldTheLatchUntilAnAuthorisedReset() throws Exception {
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_MOTION_ESTOP_RESET_TOKEN", "sesame",
                "ROBOT_MOTION_DEFAULT_SPEED_MPS", "0.5"));
        try (RobotRuntime runtime = RobotRuntime.start(config, EventSink.none());
             Recorder rec = Recorder.on(runtime.brokerUri(), "robot/+/ack", "robot/+/safety/events");
             MqttBus intruder = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "intruder"))) {
            runtime.engageEstop("test", "end-to-end");
            String base = "robot/" + runtime.topics().robotId() + "/";
            intruder.publish(Publication.event(runtime.topics().estop(),
                    JSON.writeValueAsBytes(Envelope.of(runtime.topics().robotId(), Estop.reset("intruder", null, "guess")))));
            rec.awaitPayload(base + "safety/events", p -> p.get("decision").asText().equals("estop-reset-refused"), Duration.ofSeconds(10),
                    "the runtime refuses the wrong token");
            assertTrue(runtime.safety().estopEngaged());
            assertInstanceOf(SafetyOutcome.Refused.class, runtime.sendCommand(new Move(1, 0.3)));
            // straight to the simulator's controller, bypassing the runtime: refused there too
            Envelope<Intent> direct = Envelope.of(runtime.topics().robotId(), new Move(1, 0.3));
            intruder.publish(Publication.motion(runtime.topics().command(),
                    JSON.writerFor(new com.fasterxml.jackson.core.type.TypeReference<Envelope<Intent>>() { }).writeValueAsBytes(direct),
                    Duration.ofSeconds(5), runtime.topics().ack(), direct.msgId().getBytes(StandardCharsets.UTF_8)));
            JsonNode ack = rec.awaitPayload(base + "ack", p -> p.get("commandId").asText().equals(direct.msgId()), Duration.ofSeconds(10), "ack");
            assertEquals("rejected", ack.get("status").asText());
            assertTrue(ack.get("reason").asText().contains("emergency stop"), ack.toString());

            runtime.resetEstop("cli");
            assertTrue(!runtime.safety().estopEngaged());
            Thread.sleep(300);
            assertEquals(0.0, runtime.lastState().orElseThrow().x(), 1e-9, "nothing moves by itself after the reset");
            runtime.handleText("move forward one meter", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(1.0, runtime.lastState().orElseThrow().x(), 0.05, "the simulator accepted the runtime's reset (its token)");
        }
    }
}
