package dev.voicebot.actuators.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Pose;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.testing.MutableClock;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.config.MotionLimitsConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MotionValidatorTest {
    private final MutableClock clock = new MutableClock();

    static MotionLimitsConfig limits(String policy) {
        MotionLimitsConfig d = MotionLimitsConfig.defaults();
        return new MotionLimitsConfig(policy, d.maxSpeedMps(), d.maxDistanceM(), d.maxTurnDeg(), d.maxTurnRateDegPerS(),
                d.headPanDeg(), d.headTiltDeg(), d.geofence(), d.rateLimit(), d.profile(), d.profiles(), d.confirm());
    }

    private MotionValidator validator(MotionLimitsConfig limits) {
        return new MotionValidator(limits, new Pose2D(0, 0, 0), Duration.ofSeconds(5), clock);
    }

    @Test
    void withinBoundsIsAcceptedUnchanged() {
        MotionValidator v = validator(MotionLimitsConfig.defaults());
        Verdict verdict = v.check(new Move(1.0, 0.3), "test");
        assertEquals(new Verdict.Accepted(new Move(1.0, 0.3)), verdict);
        assertInstanceOf(Verdict.Accepted.class, v.check(new Turn(-90, 45), "test"));
        assertInstanceOf(Verdict.Accepted.class, v.check(new Speak("hello", "en"), "test"));
        assertInstanceOf(Verdict.Accepted.class, v.check(new Gesture(Gesture.Name.WAVE), "test"));
    }

    @Test
    void clampPolicyShrinksEveryBoundAndSaysWhy() {
        MotionValidator v = validator(MotionLimitsConfig.defaults());
        Verdict.Clamped move = assertInstanceOf(Verdict.Clamped.class, v.check(new Move(50, 2.0), "test"));
        assertEquals(new Move(3.0, 0.5), move.adjusted());
        assertEquals(2, move.reasons().size(), move.reasons().toString());
        assertTrue(move.reasons().get(0).contains("50.00 m") && move.reasons().get(0).contains("3.00 m"), move.reasons().toString());
        Verdict.Clamped back = assertInstanceOf(Verdict.Clamped.class, v.checkConfirmed(new Move(-4, 0.3), "test"));
        assertEquals(new Move(-3.0, 0.3), back.adjusted());
        Verdict.Clamped turn = assertInstanceOf(Verdict.Clamped.class, v.check(new Turn(-720, 500), "test"));
        assertEquals(new Turn(-360, 90), turn.adjusted());
        Verdict.Clamped look = assertInstanceOf(Verdict.Clamped.class, v.check(new Look(120, -60), "test"));
        assertEquals(new Look(90, -30), look.adjusted());
    }

    @Test
    void rejectPolicyRefusesOutOfBoundsValues() {
        MotionValidator v = validator(limits("reject"));
        for (var intent : List.of(new Move(3.5, 0.3), new Move(1, 0.6), new Turn(361, 45), new Turn(90, 91), new Look(91, 0), new Look(0, 31))) {
            Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v.check(intent, "test"), intent.toString());
            assertEquals(RefusalCode.OUT_OF_BOUNDS, r.code());
        }
    }

    @Test
    void profileAllowListRefusesKindsTheRobotCannotDoButNeverStop() {
        MotionLimitsConfig d = MotionLimitsConfig.defaults();
        MotionLimitsConfig stationary = new MotionLimitsConfig(d.policy(), d.maxSpeedMps(), d.maxDistanceM(), d.maxTurnDeg(),
                d.maxTurnRateDegPerS(), d.headPanDeg(), d.headTiltDeg(), d.geofence(), d.rateLimit(), "stationary", d.profiles(), d.confirm());
        MotionValidator v = validator(stationary);
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, v.check(new Move(1, 0.3), "test"));
        assertEquals(RefusalCode.NOT_ALLOWED, r.code());
        assertTrue(r.reason().contains("stationary"), r.reason());
        assertInstanceOf(Verdict.Accepted.class, v.check(new Stop(), "test"));
        assertInstanceOf(Verdict.Accepted.class, v.check(new Pose(Pose.Posture.SIT), "test"));
    }

    @Test
    void geofenceShortensAMoveThatWouldLeaveItCountingQueuedMotions() {
        MotionValidator v = validator(MotionLimitsConfig.defaults());
        v.committed("c1", new Move(3, 0.3)); // will end at x = 3
        Verdict.Clamped c = assertInstanceOf(Verdict.Clamped.class, v.check(new Move(3, 0.3), "test"));
        assertEquals(2.0 - MotionValidator.GEOFENCE_MARGIN_M, ((Move) c.adjusted()).distanceM(), 1e-9);
        assertTrue(c.reasons().get(0).contains("geofence"), c.reasons().toString());
        // turning left 90° at x = 3 and moving 3 m stays inside (y = 3)
        v.committed("c2", new Turn(90, 45));
        assertInstanceOf(Verdict.Accepted.class, v.check(new Move(3, 0.3), "test"));
        // once the robot reports it is idle after c2 at (3, 0) facing +y, the plan is that pose
        v.observe(new RobotState(3, 0, 90, RobotState.Activity.IDLE, 0, "stand", null, 0, 0, 0, "c2"));
        assertEquals(new Pose2D(3, 0, 90), v.predictedEnd());
        Verdict.Clamped up = assertInstanceOf(Verdict.Clamped.class, v.check(new Move(6, 0.3), "test"));
        assertEquals(3.0, ((Move) up.adjusted()).distanceM(), 1e-9, "distance bound first: 6 -> 3, inside");
    }

    @Test
    void geofenceRejectsUnderRejectPolicyAndAtTheEdge() {
        MotionValidator reject = validator(limits("reject"));
        reject.observe(new RobotState(4, 0, 0, RobotState.Activity.IDLE, 0, "stand", null, 0, 0, 0, null));
        Verdict.Rejected r = assertInstanceOf(Verdict.Rejected.class, reject.check(new Move(2, 0.3), "test"));
        assertEquals(RefusalCode.GEOFENCE, r.code());
        MotionValidator clamp = validator(MotionLimitsConfig.defaults());
        clamp.observe(new RobotState(5, 0, 0, RobotState.Activity.IDLE, 0, "stand", null, 0, 0, 0, null));
        assertEquals(RefusalCode.GEOFENCE, assertInstanceOf(Verdict.Rejected.class, clamp.check(new Move(1, 0.3), "test")).code());
        assertInstanceOf(Verdict.Accepted.class, clamp.check(new Move(-1, 0.3), "test"), "back inside is fine");
    }

    @Test
    void rateLimitCountsPublishedCommandsInTheWindowButNeverStop() {
        MotionValidator v = validator(MotionLimitsConfig.defaults());
        for (int i = 0; i < 20; i++) {
            assertInstanceOf(Verdict.Accepted.class, v.check(new Gesture(Gesture.Name.NOD), "test"));
            v.committed("g" + i, new Gesture(Gesture.Name.NOD));
        }
        assertEquals(RefusalCode.RATE_LIMIT, assertInstanceOf(Verdict.Rejected.class, v.check(new Gesture(Gesture.Name.NOD), "test")).code());
        assertInstanceOf(Verdict.Accepted.class, v.check(new Stop(), "test"));
        clock.advance(Duration.ofSeconds(11));
        assertInstanceOf(Verdict.Accepted.class, v.check(new Gesture(Gesture.Name.NOD), "test"));
    }

    @Test
    void riskyIntentsNeedAConfirmationThatExpires() {
        MotionLimitsConfig d = MotionLimitsConfig.defaults();
        MotionLimitsConfig askForPose = new MotionLimitsConfig(d.policy(), d.maxSpeedMps(), d.maxDistanceM(), d.maxTurnDeg(),
                d.maxTurnRateDegPerS(), d.headPanDeg(), d.headTiltDeg(), d.geofence(), d.rateLimit(), d.profile(), d.profiles(),
                new MotionLimitsConfig.Confirm(List.of("pose"), 1.0, Duration.ofSeconds(30)));
        MotionValidator v = validator(askForPose);
        assertInstanceOf(Verdict.Accepted.class, v.check(new Move(-1.0, 0.3), "test"), "1 m back is not over 1 m");
        Verdict.NeedsConfirmation n = assertInstanceOf(Verdict.NeedsConfirmation.class, v.check(new Move(-5, 0.3), "test"));
        assertEquals(new Move(-3, 0.3), n.pending().intent(), "the clamped intent is what will run");
        assertTrue(n.pending().reasons().get(0).contains("backward"), n.pending().reasons().toString());
        assertInstanceOf(Verdict.NeedsConfirmation.class, v.check(new Pose(Pose.Posture.SIT), "test"));
        assertInstanceOf(Verdict.Accepted.class, v.checkConfirmed(new Pose(Pose.Posture.SIT), "test"));
        clock.advance(Duration.ofSeconds(31));
        assertTrue(n.pending().expiredAt(clock.instant()));
    }

    @Test
    void staleUnreportedPlanIsForgottenOnceTheRobotIsIdle() {
        MotionValidator v = validator(MotionLimitsConfig.defaults());
        v.committed("lost", new Move(3, 0.3));
        assertEquals(3.0, v.predictedEnd().x(), 1e-9);
        clock.advance(Duration.ofSeconds(6));
        v.observe(new RobotState(0.5, 0, 0, RobotState.Activity.IDLE, 0, "stand", null, 0, 0, 0, "older"));
        assertEquals(new Pose2D(0.5, 0, 0), v.predictedEnd());
    }

    @Test
    void confirmationWordsInEnglishAndKorean() {
        for (String yes : List.of("yes", "Yes!", "ok", "go ahead", "yes please", "네", "네.", "응", "좋아요", "그래")) {
            assertEquals(ConfirmationWords.Answer.YES, ConfirmationWords.answer(yes).orElse(null), yes);
        }
        for (String no : List.of("no", "No.", "cancel", "don't", "do not do that", "아니요", "아뇨", "취소", "하지 마")) {
            assertEquals(ConfirmationWords.Answer.NO, ConfirmationWords.answer(no).orElse(null), no);
        }
        for (String other : List.of("stop", "멈춰", "move forward one meter", "yes I think we should go to the park later today", "what?")) {
            assertTrue(ConfirmationWords.answer(other).isEmpty(), other);
        }
    }

    @Test
    void geofenceWorksForNonConvexPolygons() {
        // an L: the corner square [2,4]x[2,4] is outside
        Geofence l = new Geofence(List.of(List.of(0.0, 0.0), List.of(4.0, 0.0), List.of(4.0, 2.0), List.of(2.0, 2.0),
                List.of(2.0, 4.0), List.of(0.0, 4.0)));
        assertTrue(l.contains(1, 3) && l.contains(3, 1) && !l.contains(3, 3) && l.contains(4, 1));
        assertEquals(1.0, l.fractionInside(1, 1, 2, 0), 1e-9);
        // from (1, 3) going right 3 m leaves at x = 2
        assertEquals(1.0 / 3.0, l.fractionInside(1, 3, 3, 0), 1e-6);
        // diagonal through the missing corner: (1,1) -> (3.5, 3.5) leaves at (2, 2)
        assertEquals(0.4, l.fractionInside(1, 1, 2.5, 2.5), 1e-6);
        assertEquals(0.0, l.fractionInside(3, 3, -2, -2), 1e-9, "starting outside");
        assertTrue(Map.of().isEmpty());
    }
}
