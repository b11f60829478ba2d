package dev.voicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Pose;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.RobotState.Activity;
import dev.voicebot.config.SimConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulated body, driven step by step: kinematics, head, gestures, posture, battery, world. */
class SimulatedRobotTest {
    private static final double DT = 0.01;

    private static SimulatedRobot robot() {
        return new SimulatedRobot(SimConfigs.defaults());
    }

    /** Steps until idle (or {@code maxSeconds}); returns the simulated seconds it took. */
    private static double runUntilIdle(SimulatedRobot r, double maxSeconds) {
        double t = 0;
        while (t < maxSeconds) {
            r.step(DT);
            t += DT;
            if (r.state().idle()) {
                return t;
            }
        }
        throw new AssertionError("not idle after " + maxSeconds + " s: " + r.state());
    }

    @Test
    void oneMetreMoveEndsOneMetreAheadWithinSpeedAndAccelerationLimits() {
        SimConfig c = SimConfigs.defaults();
        SimulatedRobot r = new SimulatedRobot(c);
        r.execute("m1", new Move(1.0, 0.3));
        assertEquals(1, r.state().queued(), "accepted at once, before any time passes");
        double lastX = 0;
        double lastV = 0;
        double maxV = 0;
        for (int i = 0; i < 1000 && !(i > 0 && r.state().idle()); i++) {
            r.step(DT);
            RobotState s = r.state();
            double v = (s.x() - lastX) / DT;
            assertTrue(v <= 0.3 + 1e-6, "never faster than commanded: " + v);
            assertTrue(Math.abs(v - lastV) <= c.accelMps2() * DT + 0.02 * 1.01 + 1e-6, "no jump in speed: " + lastV + " -> " + v);
            maxV = Math.max(maxV, v);
            lastV = v;
            lastX = s.x();
        }
        RobotState end = r.state();
        assertTrue(end.idle(), end.toString());
        assertEquals(1.0, end.x(), 1e-6);
        assertEquals(0.0, end.y(), 1e-9);
        assertEquals(0.3, maxV, 0.01, "reaches the commanded speed");
        assertEquals("m1", end.lastCommandId());
    }

    @Test
    void speedIsCappedBySimLimitAndBackwardMovesGoBack() {
        SimulatedRobot r = robot();
        r.execute("m", new Move(-2.0, 5.0));
        double t = runUntilIdle(r, 30);
        assertEquals(-2.0, r.state().x(), 1e-6);
        assertTrue(t >= 2.0 / 0.5, "at most maxSpeedMps 0.5: took " + t + " s");
    }

    @Test
    void stopBrakesHardAndPromptly() {
        SimConfig c = SimConfigs.defaults();
        SimulatedRobot r = new SimulatedRobot(c);
        r.execute("m", new Move(3.0, 0.5));
        r.step(2.0);
        RobotState moving = r.state();
        assertEquals(Activity.MOVING, moving.activity());
        assertEquals(0.5, moving.speedMps(), 1e-6);
        r.halt();
        double t = runUntilIdle(r, 1);
        assertTrue(t <= 0.5 / c.brakeDecelMps2() + 0.02, "stopped within " + t + " s");
        double travelled = r.state().x() - moving.x();
        assertTrue(travelled <= 0.5 * 0.5 / (2 * c.brakeDecelMps2()) + 0.01, "braking distance " + travelled);
        r.step(1.0);
        assertEquals(moving.x() + travelled, r.state().x(), 1e-12, "no motion after the stop");
        assertEquals(0, r.state().queued());
    }

    @Test
    void turnsLeftAndRightWithinRateLimits() {
        SimulatedRobot r = robot();
        r.execute("t1", new Turn(90, 45));
        double t = runUntilIdle(r, 10);
        assertEquals(90.0, r.state().headingDeg(), 1e-6);
        assertTrue(t >= 2.0, "45°/s for 90° takes 2 s at least: " + t);
        r.execute("t2", new Turn(-270, 500));
        t = runUntilIdle(r, 10);
        assertEquals(180.0, Math.abs(r.state().headingDeg()), 1e-6);
        assertTrue(t >= 3.0, "capped at 90°/s: " + t);
        r.execute("m", new Move(1, 0.5));
        runUntilIdle(r, 10);
        assertEquals(-1.0, r.state().x(), 1e-6, "moves along its heading");
    }

    @Test
    void headPansAndTiltsAtALimitedRateAndWithinItsRange() {
        SimulatedRobot r = robot();
        r.execute("l", new Look(60, -200));
        r.step(0.1);
        RobotState s = r.state();
        assertTrue(s.headPanDeg() > 5 && s.headPanDeg() <= 120 * 0.1 + 1e-6, "pan " + s.headPanDeg());
        assertEquals(Activity.GESTURING, s.activity());
        runUntilIdle(r, 5);
        assertEquals(60, r.state().headPanDeg(), 0.1);
        assertEquals(-45, r.state().headTiltDeg(), 0.1, "tilt clamped to its range");
        assertEquals(60, r.state().joints().get("headPan"), 0.1);
    }

    @ParameterizedTest
    @EnumSource(Gesture.Name.class)
    void everyGestureIsATimedJointMotionThatReturnsToRest(Gesture.Name name) {
        SimulatedRobot r = robot();
        JointMotion motion = GestureLibrary.motionOf(name);
        r.execute("g", new Gesture(name));
        double peak = 0;
        double t = 0;
        for (; t < motion.seconds() - 0.05; t += DT) {
            r.step(DT);
            RobotState s = r.state();
            assertEquals(name.wire(), s.gesture());
            assertEquals(Activity.GESTURING, s.activity());
            for (String joint : motion.tracks().keySet()) {
                peak = Math.max(peak, Math.abs(s.joints().get(joint)));
            }
        }
        assertTrue(peak >= 15, name + " moves its joints visibly: peak " + peak);
        runUntilIdle(r, 2);
        r.step(0.5);
        for (double angle : r.state().joints().values()) {
            assertEquals(0, angle, 0.5, name + " ends at rest: " + r.state().joints());
        }
        assertNull(r.state().gesture());
    }

    @Test
    void waveRaisesTheRightArm() {
        SimulatedRobot r = robot();
        r.execute("g", new Gesture(Gesture.Name.WAVE));
        r.step(1.0);
        assertTrue(r.state().joints().get("rightShoulder") > 120, r.state().joints().toString());
        assertEquals(0, r.state().joints().get("leftShoulder"), 1e-9);
    }

    @Test
    void sitsAndStandsOverTimeAndStandsUpBeforeWalking() {
        SimConfig c = SimConfigs.defaults();
        SimulatedRobot r = new SimulatedRobot(c);
        r.execute("p", new Pose(Pose.Posture.SIT));
        r.step(c.poseTransition().toMillis() / 2000.0);
        double halfway = r.state().joints().get("hips");
        assertTrue(halfway > 20 && halfway < 70, "part-way down: " + halfway);
        assertEquals("stand", r.state().pose());
        runUntilIdle(r, 5);
        assertEquals("sit", r.state().pose());
        assertEquals(SimulatedRobot.SIT_DEG, r.state().joints().get("knees"), 0.1);
        r.execute("m", new Move(0.5, 0.3));
        r.step(0.2);
        assertEquals(0.0, r.state().x(), 1e-12, "does not walk while getting up");
        runUntilIdle(r, 10);
        assertEquals("stand", r.state().pose());
        assertEquals(0.5, r.state().x(), 1e-6);
    }

    @Test
    void speakDoesNotMoveTheBody() {
        SimulatedRobot r = robot();
        r.execute("s", new Speak("hello", "en"));
        r.step(0.1);
        assertTrue(r.state().idle());
    }

    @Test
    void batteryDrainsWithMotionAndAnEmptyBatteryStopsTheRobot() {
        SimulatedRobot r = robot();
        r.execute("m", new Move(2, 0.5));
        runUntilIdle(r, 20);
        double drained = 100 - r.state().batteryPercent();
        assertEquals(2 * 0.5, drained, 0.05, "0.5 % per metre plus a little idle drain");

        SimulatedRobot weak = new SimulatedRobot(SimConfigs.with("sim: {battery: {startPercent: 0.3, percentPerMeter: 1.0}}"));
        weak.execute("m", new Move(2, 0.5));
        weak.execute("t", new Turn(90, 45));
        runUntilIdle(weak, 20);
        assertEquals(0.0, weak.state().batteryPercent(), 1e-9);
        assertEquals(0.3, weak.state().x(), 0.02, "stopped when the battery ran out");
        assertEquals(0.0, weak.state().headingDeg(), 1e-9, "and refused the turn");
        List<SimEvent> events = weak.drainEvents();
        assertTrue(events.stream().anyMatch(e -> e.kind() == SimEvent.Kind.BATTERY), events.toString());
    }

    @Test
    void runningIntoAnObstacleStopsTheRobotAndReportsIt() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with(
                "sim: {obstacles: [{shape: circle, name: pillar, x: 1.5, y: 0.0, radius: 0.3}]}"));
        r.execute("m", new Move(3, 0.5));
        r.execute("t", new Turn(90, 45));
        runUntilIdle(r, 20);
        RobotState s = r.state();
        assertEquals(1.5 - 0.3 - 0.25, s.x(), 0.01, "stops at the pillar's edge");
        assertEquals("obstacle 'pillar'", s.collision());
        assertEquals(0.0, s.headingDeg(), 1e-9, "the rest of the queue is dropped");
        List<SimEvent> events = r.drainEvents();
        assertEquals(1, events.size(), events.toString());
        assertEquals(SimEvent.Kind.COLLISION, events.get(0).kind());
        assertTrue(events.get(0).message().contains("pillar"), events.get(0).message());

        r.execute("back", new Move(-0.5, 0.3));
        runUntilIdle(r, 20);
        assertEquals(0.45, r.state().x(), 0.01, "backs away freely");
        assertNull(r.state().collision());
    }

    @Test
    void rectangleObstaclesAndGeofenceWallsStopTheRobot() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with("""
                sim:
                  geofence: [[-1, -1], [2, -1], [2, 1], [-1, 1]]
                  obstacles: [{shape: rect, name: table, x: 0, y: 2, width: 1, height: 2.5}]
                """));
        r.execute("m", new Move(5, 0.5));
        runUntilIdle(r, 30);
        assertEquals(2 - 0.25, r.state().x(), 0.01);
        assertEquals("the geofence", r.state().collision());
        r.execute("t", new Turn(180, 90));
        r.execute("m", new Move(1.75, 0.5));
        r.execute("t", new Turn(-90, 90));
        r.execute("m", new Move(2, 0.5));
        runUntilIdle(r, 30);
        assertEquals(0.0, r.state().x(), 0.01);
        assertEquals(0.75 - 0.25, r.state().y(), 0.01, "the table's near edge is at y = 0.75");
        assertEquals("obstacle 'table'", r.state().collision());
    }

    @Test
    void latencyDelaysEveryCommandButCountsItAsQueued() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with("sim: {faults: {latency: 500ms}}"));
        r.execute("m", new Move(1, 0.3));
        r.step(0.45);
        assertEquals(0.0, r.state().x(), 1e-12);
        assertEquals(1, r.state().queued(), "not idle while the command is in flight");
        assertTrue(!r.state().idle());
        r.step(1.0);
        assertTrue(r.state().x() > 0.05, "moving after the latency: " + r.state());
        double x = r.state().x();
        r.halt();
        r.step(0.4);
        assertTrue(r.state().x() > x + 0.05, "the stop is late too");
        runUntilIdle(r, 2);
        assertTrue(r.state().x() < 0.9, "but it does stop: " + r.state().x());
    }

    @Test
    void droppedCommandsAreLostSilently() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with("sim: {faults: {dropRate: 1.0}}"));
        r.execute("m", new Move(1, 0.3));
        r.step(2);
        assertEquals(0.0, r.state().x(), 1e-12);
        assertEquals(1, r.droppedCommands());

        SimulatedRobot half = new SimulatedRobot(SimConfigs.with("sim: {faults: {dropRate: 0.5, seed: 7}}"));
        for (int i = 0; i < 200; i++) {
            half.execute("g" + i, new Look(0, 0));
        }
        assertTrue(half.droppedCommands() > 60 && half.droppedCommands() < 140, "about half: " + half.droppedCommands());
        SimulatedRobot again = new SimulatedRobot(SimConfigs.with("sim: {faults: {dropRate: 0.5, seed: 7}}"));
        for (int i = 0; i < 200; i++) {
            again.execute("g" + i, new Look(0, 0));
        }
        assertEquals(half.droppedCommands(), again.droppedCommands(), "the same seed drops the same commands");
    }

    @Test
    void aStuckJointDoesNotMoveAndIsReported() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with("sim: {faults: {stuckJoint: rightShoulder}}"));
        r.execute("g", new Gesture(Gesture.Name.WAVE));
        r.step(1.0);
        assertEquals(0.0, r.state().joints().get("rightShoulder"), 1e-12);
        assertTrue(Math.abs(r.state().joints().get("rightElbow")) > 1, "the other joints still move");
        runUntilIdle(r, 5);
        List<SimEvent> events = r.drainEvents();
        assertEquals(1, events.size(), events.toString());
        assertEquals(SimEvent.Kind.FAULT, events.get(0).kind());
        assertTrue(events.get(0).message().contains("rightShoulder") && events.get(0).message().contains("wave"), events.get(0).message());
    }

    @Test
    void stateCarriesBatteryJointsAndNormalisedHeading() {
        SimulatedRobot r = new SimulatedRobot(SimConfigs.with("sim: {start: {x: 1, y: 2, headingDeg: 270}}"));
        RobotState s = r.state();
        assertEquals(1.0, s.x());
        assertEquals(2.0, s.y());
        assertEquals(-90.0, s.headingDeg(), 1e-9);
        assertEquals(100.0, s.batteryPercent());
        assertEquals(SimConfig.JOINTS, List.copyOf(s.joints().keySet()));
        assertEquals("stand", s.pose());
    }
}
