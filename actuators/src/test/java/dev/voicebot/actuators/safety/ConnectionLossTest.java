package dev.voicebot.actuators.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.OfflineBuffer;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.command.HeartbeatPublisher;
import dev.voicebot.actuators.controller.ControllerOptions;
import dev.voicebot.actuators.controller.HardLimits;
import dev.voicebot.actuators.controller.MotorControllerNode;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.testing.Eventually;
import dev.voicebot.actuators.testing.RecordingBase;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.config.MotionLimitsConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The broker dies during a move and comes back on the same port: the controller halts within its
 * watchdog time, a motion asked for while disconnected is dropped and reported (never queued), events
 * wait in the offline buffer, and after the reconnect nothing moves until a new command.
 */
class ConnectionLossTest {
    private static final Duration WATCHDOG = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void brokerLossHaltsTheRobotAndNothingResumesByItself() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
        int port = broker.port();
        String id = SafetyRig.newRobotId();
        RecordingBase base = new RecordingBase();
        SafetyRig rig = new SafetyRig(broker.uri(), id, MotionLimitsConfig.defaults(), new Pose2D(0, 0, 0), SafetyRig.noToken(), Clock.systemUTC());
        MotorControllerNode node = MotorControllerNode.start(MqttBus.connect(BusOptions.of(broker.uri(), "ctl-" + id)
                        .withReconnectMaxDelay(Duration.ofSeconds(1))), rig.topics, base,
                new ControllerOptions(20, HardLimits.of(MotionLimitsConfig.defaults()), WATCHDOG, true, Duration.ofSeconds(5), Optional.empty()));
        HeartbeatPublisher heartbeat = HeartbeatPublisher.start(rig.bus, rig.topics, Duration.ofMillis(100), "runtime");
        try {
            Eventually.holds(() -> !node.watchdogTripped(), WAIT, "controller hears the heartbeat");
            assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Move(3, 0.3), "test"));
            Eventually.holds(() -> base.x() > 0.05, WAIT, "moving");

            broker.close();
            long killed = System.nanoTime();
            Eventually.holds(() -> !base.moving(), WATCHDOG.plusSeconds(2), "halted after the broker died");
            long haltedAfterMs = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(node.watchdogTripped(), "the watchdog tripped");
            assertTrue(haltedAfterMs < WATCHDOG.toMillis() + 1000, "halted " + haltedAfterMs + " ms after the broker died");
            double stoppedAt = base.x();
            assertTrue(stoppedAt < 2.9, "stopped short: " + stoppedAt);

            Eventually.holds(() -> !rig.bus.isConnected(), WAIT, "runtime notices");
            SafetyOutcome.Refused dropped = assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Move(1, 0.3), "test"));
            assertEquals("disconnected", dropped.eventValue().code());
            assertTrue(dropped.eventValue().reasonText().contains("not queued"), dropped.eventValue().reasonText());
            assertEquals(SafetyEvent.Decision.REJECTED, rig.events.get(rig.events.size() - 1).decision());
            assertTrue(rig.offline.waiting() >= 1, "the safety event waits for the connection");
            assertEquals(OfflineBuffer.Result.BUFFERED, rig.offline.publish(Publication.event(rig.topics.reply(),
                    "{}".getBytes(StandardCharsets.UTF_8))));

            broker = EmbeddedBroker.start("127.0.0.1", port);
            Eventually.holds(() -> rig.bus.isConnected(), WAIT, "runtime reconnects");
            Eventually.holds(() -> !node.watchdogTripped(), WAIT, "controller hears the heartbeat again");
            Eventually.holds(() -> rig.offline.waiting() == 0, WAIT, "buffered events sent after the reconnect");
            try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/command")) {
                // nothing resumes: the base stays where it stopped until a new command
                assertFalse(base.moving());
                assertEquals(stoppedAt, base.x(), 1e-9);
                assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Speak("marker", "en"), "test"));
                rec.await(m -> m.text().contains("marker"), WAIT, "marker command");
                assertEquals(1, rec.messages().size(), "the dropped move was never sent: " + rec.messages());
                assertEquals(stoppedAt, base.x(), 1e-9);
                assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Move(0.2, 0.3), "test"));
                Eventually.holds(() -> base.x() > stoppedAt + 0.1, WAIT, "a new command moves it again");
            }
        } finally {
            heartbeat.close();
            node.close();
            rig.close();
            base.close();
            broker.close();
        }
    }
}
