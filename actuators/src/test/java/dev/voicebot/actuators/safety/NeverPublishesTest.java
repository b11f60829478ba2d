package dev.voicebot.actuators.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.testing.MutableClock;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.config.MotionLimitsConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refusal path on a real broker: a separate subscriber records the command topic, a stop sent
 * afterwards proves the recorder would have seen a command (same publisher, in order), and the safety
 * event on robot/{id}/safety/events says why.
 */
class NeverPublishesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static EmbeddedBroker broker;
    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = dev.voicebot.actuators.testing.SharedBroker.get();
    }

    private static MotionLimitsConfig limits(String policy, String profile, MotionLimitsConfig.RateLimit rate) {
        MotionLimitsConfig d = MotionLimitsConfig.defaults();
        return new MotionLimitsConfig(policy, d.maxSpeedMps(), d.maxDistanceM(), d.maxTurnDeg(), d.maxTurnRateDegPerS(),
                d.headPanDeg(), d.headTiltDeg(), d.geofence(), rate, profile, d.profiles(), d.confirm());
    }

    /** Sends a stop as a marker and returns the kinds of every command published up to it. */
    private static List<String> commandsUpToMarker(SafetyRig rig, Recorder rec) throws InterruptedException {
        assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Stop(), "marker"));
        String topic = rig.topics.command().name();
        rec.await(m -> m.topic().equals(topic) && Recorder.json(m).get("payload").get("type").asText().equals("stop"), WAIT, "stop marker");
        return rec.payloads(topic).stream().map(p -> p.get("type").asText()).toList();
    }

    private static JsonNode awaitSafety(Recorder rec, SafetyRig rig, String decision, String code) throws InterruptedException {
        return rec.awaitPayload(rig.topics.safetyEvents().name(),
                p -> p.get("decision").asText().equals(decision) && (code == null || code.equals(p.path("code").asText())), WAIT,
                decision + "/" + code + " safety event");
    }

    private SafetyRig rig(MotionLimitsConfig limits, Pose2D start, dev.voicebot.config.EstopConfig estop, String robotId) throws Exception {
        return new SafetyRig(broker.uri(), robotId, limits, start, estop, clock);
    }

    @Test
    void outOfBoundsUnderRejectPolicyNeverPublishes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(limits("reject", "humanoid", MotionLimitsConfig.defaults().rateLimit()), new Pose2D(0, 0, 0), SafetyRig.noToken(), id)) {
            List<Intent> tooMuch = List.of(new Move(5, 0.3), new Move(1, 0.9), new Turn(400, 45), new Turn(90, 200), new Look(0, 80), new Look(100, 0));
            for (Intent intent : tooMuch) {
                SafetyOutcome.Refused r = assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(intent, "test"), intent.toString());
                assertEquals("out-of-bounds", r.eventValue().code());
            }
            assertEquals(List.of("stop"), commandsUpToMarker(rig, rec));
            for (int i = 0; i < tooMuch.size(); i++) {
                JsonNode e = awaitSafety(rec, rig, "rejected", "out-of-bounds");
                assertTrue(e.get("reasons").get(0).asText().contains("limit") || e.get("reasons").get(0).asText().contains("beyond"), e.toString());
            }
            assertEquals(tooMuch.size(), rec.payloads(rig.topics.safetyEvents().name()).size());
        }
    }

    @Test
    void geofenceUnderRejectPolicyNeverPublishes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(limits("reject", "humanoid", MotionLimitsConfig.defaults().rateLimit()), new Pose2D(4.5, 0, 0), SafetyRig.noToken(), id)) {
            SafetyOutcome.Refused r = assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Move(1, 0.3), "test"));
            assertEquals("geofence", r.eventValue().code());
            assertEquals(List.of("stop"), commandsUpToMarker(rig, rec));
            assertTrue(awaitSafety(rec, rig, "rejected", "geofence").get("reasons").get(0).asText().contains("outside the geofence"));
        }
    }

    @Test
    void geofenceAtTheEdgeUnderClampPolicyNeverPublishes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(MotionLimitsConfig.defaults(), new Pose2D(0, 5, 90), SafetyRig.noToken(), id)) {
            assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Move(2, 0.3), "test"));
            assertEquals(List.of("stop"), commandsUpToMarker(rig, rec));
            awaitSafety(rec, rig, "rejected", "geofence");
        }
    }

    @Test
    void kindOutsideTheProfileNeverPublishes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(limits("clamp", "wheeled", MotionLimitsConfig.defaults().rateLimit()), new Pose2D(0, 0, 0), SafetyRig.noToken(), id)) {
            assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Gesture(Gesture.Name.WAVE), "test"));
            assertEquals(List.of("stop"), commandsUpToMarker(rig, rec));
            assertTrue(awaitSafety(rec, rig, "rejected", "not-allowed").get("reasons").get(0).asText().contains("wheeled"));
        }
    }

    @Test
    void overTheRateLimitNeverPublishes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(limits("clamp", "humanoid", new MotionLimitsConfig.RateLimit(2, Duration.ofHours(1))), new Pose2D(0, 0, 0),
                     SafetyRig.noToken(), id)) {
            assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Speak("one", "en"), "test"));
            assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.submit(new Speak("two", "en"), "test"));
            assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Speak("three", "en"), "test"));
            assertEquals(List.of("speak", "speak", "stop"), commandsUpToMarker(rig, rec));
            awaitSafety(rec, rig, "rejected", "rate-limit");
        }
    }

    @Test
    void riskyIntentNeverPublishesUntilSomeoneSaysYes() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             SafetyRig rig = rig(MotionLimitsConfig.defaults(), new Pose2D(0, 0, 0), SafetyRig.noToken(), id)) {
            SafetyOutcome.AwaitingConfirmation waiting = assertInstanceOf(SafetyOutcome.AwaitingConfirmation.class,
                    rig.safety.submit(new Move(-2, 0.3), "test"));
            assertTrue(rig.safety.pending().isPresent());
            awaitSafety(rec, rig, "needs-confirmation", "unconfirmed");
            assertInstanceOf(SafetyOutcome.Noted.class, rig.safety.onUtterance("no", "test").orElseThrow());
            awaitSafety(rec, rig, "declined", "unconfirmed");
            // a pending request also lapses when the next utterance is not an answer
            rig.safety.submit(new Move(-2, 0.3), "test");
            assertTrue(rig.safety.onUtterance("what time is it", "test").isEmpty());
            // and when nobody answers in time
            rig.safety.submit(new Move(-2, 0.3), "test");
            clock.advance(Duration.ofSeconds(31));
            assertTrue(rig.safety.onUtterance("네", "test").isEmpty(), "too late: not taken as a yes");
            awaitSafety(rec, rig, "expired", "unconfirmed");
            assertEquals(List.of("stop"), commandsUpToMarker(rig, rec));
            // the positive control: a yes sends exactly the confirmed intent
            String pendingId = assertInstanceOf(SafetyOutcome.AwaitingConfirmation.class, rig.safety.submit(new Move(-2, 0.3), "test")).pending().id();
            assertInstanceOf(SafetyOutcome.Sent.class, rig.safety.onUtterance("네", "test").orElseThrow());
            String topic = rig.topics.command().name();
            rec.await(m -> m.topic().equals(topic) && Recorder.json(m).get("payload").get("type").asText().equals("move"), WAIT, "confirmed move");
            assertEquals(pendingId, awaitSafety(rec, rig, "confirmed", null).get("confirmationId").asText());
            // answered by id (a button): a stale id does nothing, the current one resolves it
            String buttonId = assertInstanceOf(SafetyOutcome.AwaitingConfirmation.class, rig.safety.submit(new Move(-1.5, 0.3), "web")).pending().id();
            assertTrue(rig.safety.answer(pendingId, true, "web").isEmpty());
            assertInstanceOf(SafetyOutcome.Noted.class, rig.safety.answer(buttonId, false, "web").orElseThrow());
            assertTrue(rig.safety.pending().isEmpty());
            assertTrue(waiting.pending().reasons().get(0).contains("backward"));
        }
    }

    @Test
    void latchedEstopNeverPublishesAndSurvivesARestartUntilAnAuthorisedReset() throws Exception {
        String id = SafetyRig.newRobotId();
        try (Recorder rec = Recorder.on(broker.uri(), "robot/" + id + "/#");
             MqttBus button = MqttBus.connect(BusOptions.of(broker.uri(), "button-" + id))) {
            try (SafetyRig rig = rig(MotionLimitsConfig.defaults(), new Pose2D(0, 0, 0), SafetyRig.token("sesame"), id)) {
                SafetyRig.publish(button, rig.topics, rig.topics.estop(), Estop.engage("red-button", "someone fell"), true);
                awaitSafety(rec, rig, "estop-engaged", "estop");
                assertTrue(rig.safety.estopEngaged());
                SafetyOutcome.Refused r = assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.submit(new Move(1, 0.3), "test"));
                assertTrue(r.eventValue().reasonText().contains("red-button"), r.eventValue().reasonText());
                // by voice: refused by default
                assertInstanceOf(SafetyOutcome.Refused.class, rig.safety.onUtterance("reset emergency stop", "voice").orElseThrow());
                // a reset with the wrong token: refused, and the latch is put back on the broker
                SafetyRig.publish(button, rig.topics, rig.topics.estop(), Estop.reset("intruder", null, "open"), true);
                awaitSafety(rec, rig, "estop-reset-refused", "estop");
                assertTrue(rig.safety.estopEngaged());
            }
            // a restarted runtime reads the retained e-stop and still refuses
            try (SafetyRig restarted = rig(MotionLimitsConfig.defaults(), new Pose2D(0, 0, 0), SafetyRig.token("sesame"), id)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (!restarted.safety.estopEngaged() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(restarted.safety.estopEngaged(), "retained e-stop latches a restarted runtime; seen: "
                        + rec.on(restarted.topics.estop().name()).stream().map(m -> m.retained() + " " + m.text()).toList());
                assertInstanceOf(SafetyOutcome.Refused.class, restarted.safety.submit(new Turn(90, 45), "test"));
                List<String> kinds = commandsUpToMarker(restarted, rec);
                assertTrue(kinds.stream().allMatch(k -> k.equals("stop")), kinds.toString());
                // the authorised reset: the configured token
                SafetyRig.publish(button, restarted.topics, restarted.topics.estop(), Estop.reset("operator", "all clear", "sesame"), false);
                awaitSafety(rec, restarted, "estop-reset", null);
                assertTrue(!restarted.safety.estopEngaged());
                assertInstanceOf(SafetyOutcome.Sent.class, restarted.safety.submit(new Turn(90, 45), "test"));
                // the retained state on the broker is now "not engaged", without the token
                JsonNode retained = rec.awaitPayload(restarted.topics.estop().name(), p -> !p.get("engaged").asBoolean() && !p.has("token"),
                        WAIT, "token-less retained reset state");
                assertEquals("operator", retained.get("source").asText());
            }
        }
    }
}
