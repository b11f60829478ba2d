package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.controller.MotorController;
import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Pose;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.RobotState.Activity;
import dev.voicebot.config.SimConfig;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A simulated humanoid's body: a kinematic base that moves over time at the commanded speed (capped
 * by its own limits), a head, gestures and postures. Commands run one after another; {@link #halt()}
 * stops at once. Time advances only through {@link #step(double)}, so tests can drive it exactly.
 */
public final class SimulatedRobot implements MotorController {
    static final double GESTURE_SECONDS = 1.5;
    static final double POSE_SECONDS = 1.0;

    private final SimConfig config;
    private final Deque<Task> queue = new ArrayDeque<>();
    private double x;
    private double y;
    private double headingDeg;
    private double speedMps;
    private Activity activity = Activity.IDLE;
    private String pose = "stand";
    private String gesture;
    private double headPanDeg;
    private double headTiltDeg;
    private String lastCommandId;
    private Task current;

    /** One queued command with the part of it that is still to do. */
    private static final class Task {
        final Intent intent;
        double remaining;

        Task(Intent intent, double remaining) {
            this.intent = intent;
            this.remaining = remaining;
        }
    }

    public SimulatedRobot(SimConfig config) {
        this.config = ensureNotNull(config, "config");
        this.x = config.start().x();
        this.y = config.start().y();
        this.headingDeg = config.start().headingDeg();
    }

    @Override
    public synchronized void execute(String commandId, Intent intent) {
        lastCommandId = commandId;
        if (intent instanceof Stop) {
            halt();
        } else if (intent instanceof Move m) {
            queue.add(new Task(m, Math.abs(m.distanceM())));
        } else if (intent instanceof Turn t) {
            queue.add(new Task(t, Math.abs(t.angleDeg())));
        } else if (intent instanceof Gesture g) {
            queue.add(new Task(g, GESTURE_SECONDS));
        } else if (intent instanceof Pose p) {
            queue.add(new Task(p, POSE_SECONDS));
        } else if (intent instanceof Look l) {
            headPanDeg = clamp(l.panDeg(), -90, 90);
            headTiltDeg = clamp(l.tiltDeg(), -45, 45);
        }
        // Speak is for the speaker, not the body.
    }

    @Override
    public synchronized void halt() {
        queue.clear();
        current = null;
        speedMps = 0;
        gesture = null;
        activity = Activity.IDLE;
    }

    @Override
    public synchronized RobotState state() {
        return new RobotState(x, y, normalise(headingDeg), activity, speedMps, pose, gesture, headPanDeg, headTiltDeg,
                queue.size() + (current == null ? 0 : 1), lastCommandId);
    }

    /** Advances the simulation by {@code dt} seconds. */
    public synchronized void step(double dt) {
        double left = dt;
        while (left > 1e-9) {
            if (current == null) {
                current = queue.poll();
                if (current == null) {
                    activity = Activity.IDLE;
                    speedMps = 0;
                    gesture = null;
                    return;
                }
            }
            left = advance(current, left);
            if (current.remaining <= 1e-9) {
                finish(current);
                current = null;
            }
        }
    }

    /** Runs part of {@code task} for up to {@code dt} seconds; returns the time not used. */
    private double advance(Task task, double dt) {
        if (task.intent instanceof Move m) {
            double v = Math.min(m.speedMps(), config.maxSpeedMps());
            double step = Math.min(v * dt, task.remaining);
            double dir = Math.signum(m.distanceM());
            double h = Math.toRadians(headingDeg);
            x += Math.cos(h) * step * dir;
            y += Math.sin(h) * step * dir;
            task.remaining -= step;
            activity = Activity.MOVING;
            speedMps = v * dir;
            return dt - step / v;
        }
        if (task.intent instanceof Turn t) {
            double rate = Math.min(t.rateDegPerS(), config.maxTurnRateDegPerS());
            double step = Math.min(rate * dt, task.remaining);
            headingDeg += Math.signum(t.angleDeg()) * step;
            task.remaining -= step;
            activity = Activity.TURNING;
            speedMps = 0;
            return dt - step / rate;
        }
        if (task.intent instanceof Gesture g) {
            gesture = g.name().wire();
        }
        activity = Activity.GESTURING;
        speedMps = 0;
        double step = Math.min(dt, task.remaining);
        task.remaining -= step;
        return dt - step;
    }

    private void finish(Task task) {
        if (task.intent instanceof Pose p) {
            pose = p.pose().wire();
        }
        if (task.intent instanceof Gesture) {
            gesture = null;
        }
        speedMps = 0;
        activity = queue.isEmpty() ? Activity.IDLE : activity;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Heading in (-180, 180]. */
    static double normalise(double deg) {
        double d = deg % 360.0;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }
}
