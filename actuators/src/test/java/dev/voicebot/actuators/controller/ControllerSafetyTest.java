package dev.voicebot.actuators.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.command.HeartbeatPublisher;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.testing.Eventually;
import dev.voicebot.actuators.testing.RecordingBase;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.MotionLimitsConfig;
import dev.voicebot.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller protects its robot by itself: hard limits, stale/retained commands, e-stop and watchdog. */
class ControllerSafetyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = WireJson.newMapper();
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = dev.voicebot.actuators.testing.SharedBroker.get();
    }

    private record Rig(RobotTopics topics, RecordingBase base, MotorControllerNode node, MqttBus runtime, Recorder rec) implements AutoCloseable {
        @Override
        public void close() {
            rec.close();
            runtime.close();
            node.close();
            base.close();
        }
    }

    private static Rig rig(ControllerOptions options) throws Exception {
        return rig(options, new RobotTopics("c" + Long.toHexString(System.nanoTime())));
    }

    private static Rig rig(ControllerOptions options, RobotTopics topics) throws Exception {
        Recorder rec = Recorder.on(broker.uri(), "robot/" + topics.robotId() + "/#");
        RecordingBase base = new RecordingBase();
        MotorControllerNode node = MotorControllerNode.start(MqttBus.connect(BusOptions.of(broker.uri(), "ctl-" + topics.robotId())),
                topics, base, options);
        MqttBus runtime = MqttBus.connect(BusOptions.of(broker.uri(), "rt-" + topics.robotId()));
        return new Rig(topics, base, node, runtime, rec);
    }

    private static ControllerOptions options(Duration watchdog, boolean requireHeartbeat, Optional<Secret> token) {
        return new ControllerOptions(20, HardLimits.of(MotionLimitsConfig.defaults()), watchdog, requireHeartbeat, Duration.ofSeconds(5), token);
    }

    /** Sends a command as the runtime does (QoS 1, expiry, response topic, correlation) with a chosen ts; returns its msgId. */
    private static String command(Rig rig, Intent intent, long ts, boolean retained) throws Exception {
        return command(rig.runtime(), rig.topics(), intent, ts, retained);
    }

    private static String command(MqttBus bus, RobotTopics topics, Intent intent, long ts, boolean retained) throws Exception {
        Envelope<Intent> e = new Envelope<>(Envelope.SCHEMA_VERSION, UUID.randomUUID().toString(), ts, topics.robotId(), intent);
        byte[] payload = JSON.writerFor(new com.fasterxml.jackson.core.type.TypeReference<Envelope<Intent>>() { }).writeValueAsBytes(e);
        bus.publish(new Publication(topics.command(), payload, QoS.AT_LEAST_ONCE, retained, Optional.of(Duration.ofSeconds(30)),
                Optional.of(topics.ack()), Optional.of(e.msgId().getBytes(StandardCharsets.UTF_8))));
        return e.msgId();
    }

    private static JsonNode ack(Rig rig, String msgId) throws InterruptedException {
        return rig.rec().awaitPayload(rig.topics().ack().name(), p -> p.get("commandId").asText().equals(msgId), WAIT, "ack of " + msgId);
    }

    @Test
    void hardLimitsAreAppliedAgainAndTheAckSaysClamped() throws Exception {
        try (Rig rig = rig(ControllerOptions.defaults(20))) {
            JsonNode a = ack(rig, command(rig, new Move(10, 2.0), System.currentTimeMillis(), false));
            assertEquals("clamped", a.get("status").asText());
            assertTrue(a.get("reason").asText().contains("hard limit"), a.toString());
            assertEquals(new Move(3.0, 0.5), rig.base().executed().get(0));
            JsonNode t = ack(rig, command(rig, new Turn(30, 20), System.currentTimeMillis(), false));
            assertEquals("accepted", t.get("status").asText());
        }
    }

    @Test
    void staleAndRetainedCommandsAreRefusedAndNeverRun() throws Exception {
        RobotTopics topics = new RobotTopics("c" + Long.toHexString(System.nanoTime()));
        String retainedId;
        try (MqttBus careless = MqttBus.connect(BusOptions.of(broker.uri(), "careless-" + topics.robotId()))) {
            // a command someone left retained on the broker: a (re)starting controller must not run it
            retainedId = command(careless, topics, new Move(1, 0.3), System.currentTimeMillis(), true);
        }
        try (Rig rig = rig(ControllerOptions.defaults(20), topics)) {
            JsonNode retained = ack(rig, retainedId);
            assertEquals("rejected", retained.get("status").asText());
            assertTrue(retained.get("reason").asText().contains("retained"), retained.toString());
            JsonNode stale = ack(rig, command(rig, new Move(1, 0.3), System.currentTimeMillis() - 60_000, false));
            assertEquals("rejected", stale.get("status").asText());
            assertTrue(stale.get("reason").asText().contains("stale"), stale.toString());
            assertTrue(rig.base().executed().isEmpty(), rig.base().executed().toString());
            rig.runtime().publish(Publication.retained(rig.topics().command(), new byte[0])); // clear the retained command
        }
    }

    @Test
    void latchedEstopHaltsAndRefusesUntilAResetWithTheToken() throws Exception {
        try (Rig rig = rig(options(Duration.ofSeconds(1), false, Optional.of(Secret.of("sesame"))))) {
            command(rig, new Move(3, 0.3), System.currentTimeMillis(), false);
            Eventually.holds(rig.base()::moving, WAIT, "moving");
            byte[] engage = JSON.writeValueAsBytes(Envelope.of(rig.topics().robotId(), Estop.engage("button", "test")));
            rig.runtime().publish(Publication.retained(rig.topics().estop(), engage));
            Eventually.holds(() -> !rig.base().moving() && rig.node().estopEngaged(), WAIT, "halted by the e-stop");
            JsonNode refused = ack(rig, command(rig, new Move(1, 0.3), System.currentTimeMillis(), false));
            assertEquals("rejected", refused.get("status").asText());
            assertTrue(refused.get("reason").asText().contains("emergency stop"));
            rig.runtime().publish(Publication.event(rig.topics().estop(),
                    JSON.writeValueAsBytes(Envelope.of(rig.topics().robotId(), Estop.reset("intruder", null, "guess")))));
            JsonNode still = ack(rig, command(rig, new Move(1, 0.3), System.currentTimeMillis(), false));
            assertEquals("rejected", still.get("status").asText(), "a wrong token does not reset the controller");
            rig.runtime().publish(Publication.retained(rig.topics().estop(),
                    JSON.writeValueAsBytes(Envelope.of(rig.topics().robotId(), Estop.reset("operator", null, "sesame")))));
            Eventually.holds(() -> !rig.node().estopEngaged(), WAIT, "reset");
            assertFalse(rig.base().moving(), "nothing resumes by itself after a reset");
            assertEquals("accepted", ack(rig, command(rig, new Move(0.1, 0.3), System.currentTimeMillis(), false)).get("status").asText());
            rig.runtime().publish(Publication.retained(rig.topics().estop(), new byte[0]));
        }
    }

    @Test
    void watchdogHaltsWhenTheHeartbeatStopsAndNothingResumesWhenItReturns() throws Exception {
        try (Rig rig = rig(options(Duration.ofMillis(400), false, Optional.empty()))) {
            HeartbeatPublisher beat = HeartbeatPublisher.start(rig.runtime(), rig.topics(), Duration.ofMillis(100), "test");
            Eventually.holds(() -> !rig.node().watchdogTripped() && beat.beats() > 2, WAIT, "heartbeats heard");
            command(rig, new Move(3, 0.3), System.currentTimeMillis(), false);
            Eventually.holds(rig.base()::moving, WAIT, "moving");
            beat.close();
            Eventually.holds(() -> !rig.base().moving() && rig.node().watchdogTripped(), WAIT, "halted by the watchdog");
            JsonNode event = rig.rec().awaitPayload(rig.topics().safetyEvents().name(), p -> p.get("decision").asText().equals("watchdog"),
                    WAIT, "watchdog safety event");
            assertTrue(event.get("reasons").get(0).asText().contains("no heartbeat"), event.toString());
            JsonNode refused = ack(rig, command(rig, new Move(1, 0.3), System.currentTimeMillis(), false));
            assertEquals("rejected", refused.get("status").asText());
            double stoppedAt = rig.base().x();
            try (HeartbeatPublisher again = HeartbeatPublisher.start(rig.runtime(), rig.topics(), Duration.ofMillis(100), "test")) {
                Eventually.holds(() -> !rig.node().watchdogTripped(), WAIT, "heartbeat back");
                assertFalse(rig.base().moving(), "the old move does not resume");
                assertEquals(stoppedAt, rig.base().x(), 1e-9);
                assertEquals("accepted", ack(rig, command(rig, new Move(0.2, 0.3), System.currentTimeMillis(), false)).get("status").asText());
            }
        }
    }

    @Test
    void aControllerThatRequiresAHeartbeatRefusesMotionWithoutOne() throws Exception {
        try (Rig rig = rig(options(Duration.ofMillis(400), true, Optional.empty()))) {
            JsonNode refused = ack(rig, command(rig, new Move(1, 0.3), System.currentTimeMillis(), false));
            assertEquals("rejected", refused.get("status").asText());
            assertTrue(refused.get("reason").asText().contains("heartbeat"), refused.toString());
            assertTrue(rig.base().executed().isEmpty());
        }
    }
}
