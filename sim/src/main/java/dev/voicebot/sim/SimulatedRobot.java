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
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated humanoid's body. The base accelerates and decelerates within its limits (no
 * teleporting) and brakes hard on {@link #halt()}; the head pans and tilts at a limited rate;
 * gestures and sit/stand are timed joint motions; the battery drains with use; walls and obstacles
 * stop the base on contact. Commands run one after another. Faults from {@code sim.faults} (latency,
 * dropped commands, a stuck joint) act here; a dropped connection is the {@link Simulator}'s.
 *
 * <p>Time advances only through {@link #step(double)}, so tests drive it exactly; it is split into
 * sub-steps of at most {@value #SUBSTEP_S} s. Thread-safe: every public method is synchronized.
 */
public final class SimulatedRobot implements MotorController {
    private static final Logger log = LoggerFactory.getLogger(SimulatedRobot.class);

    static final double SUBSTEP_S = 0.005;
    /** How fast any joint can follow its command. */
    static final double JOINT_RATE_DEG_PER_S = 720;
    static final double HEAD_PAN_LIMIT_DEG = 90;
    static final double HEAD_TILT_LIMIT_DEG = 45;
    /** Hips and knees when sitting. */
    static final double SIT_DEG = 90;
    /** A joint further than this from its command has not followed it. */
    static final double STUCK_TOLERANCE_DEG = 5;
    private static final double MIN_SPEED_MPS = 0.02;
    private static final double MIN_TURN_RATE_DEG_PER_S = 2;

    private final SimConfig config;
    private final World world;
    private final SplittableRandom random;
    private final Deque<Task> queue = new ArrayDeque<>();
    private final Deque<Pending> inbox = new ArrayDeque<>();
    private final List<SimEvent> events = new ArrayList<>();
    /** The angle each joint rests at: where the head looks, how the legs stand. Gestures add to it. */
    private final Map<String, Double> rest = new LinkedHashMap<>();
    /** Where each joint actually is. */
    private final Map<String, Double> joints = new LinkedHashMap<>();
    private double time;
    private double x;
    private double y;
    private double headingDeg;
    /** Signed, along the heading. */
    private double speedMps;
    private boolean braking;
    private String pose = "stand";
    private double battery;
    private String collision;
    private String lastCommandId;
    private long dropped;
    private Task current;

    /** A command waiting out the configured latency; {@code intent == null} is a halt. */
    private record Pending(double due, String commandId, Intent intent) {
    }

    public SimulatedRobot(SimConfig config) {
        this.config = ensureNotNull(config, "config");
        this.world = new World(config);
        this.random = new SplittableRandom(config.faults().seed());
        this.x = config.start().x();
        this.y = config.start().y();
        this.headingDeg = config.start().headingDeg();
        this.battery = config.battery().startPercent();
        for (String joint : SimConfig.JOINTS) {
            rest.put(joint, 0.0);
            joints.put(joint, 0.0);
        }
    }

    @Override
    public synchronized void execute(String commandId, Intent intent) {
        ensureNotNull(intent, "intent");
        lastCommandId = commandId;
        if (intent instanceof Stop) {
            halt();
            return;
        }
        if (dropsThis(commandId, intent.kind())) {
            return;
        }
        if (config.faults().latency().isZero()) {
            accept(intent);
        } else {
            inbox.add(new Pending(time + seconds(config.faults().latency()), commandId, intent));
        }
    }

    /** Stops the base (braking at {@code sim.brakeDecelMps2}), cancels every queued command. Subject to the configured faults. */
    @Override
    public synchronized void halt() {
        if (dropsThis(null, "stop")) {
            return;
        }
        if (config.faults().latency().isZero()) {
            haltNow();
        } else {
            inbox.add(new Pending(time + seconds(config.faults().latency()), null, null));
        }
    }

    /** Halts at once, whatever faults are configured: for shutting down and losing the connection. */
    synchronized void haltImmediately() {
        inbox.clear();
        haltNow();
    }

    @Override
    public synchronized RobotState state() {
        Map<String, Double> rounded = new LinkedHashMap<>();
        joints.forEach((k, v) -> rounded.put(k, round(v, 10)));
        String gesture = current instanceof GestureTask g ? g.motion.name() : null;
        return new RobotState(x, y, normalise(headingDeg), activity(), speedMps, pose, gesture,
                joints.get("headPan"), joints.get("headTilt"), queued(), lastCommandId,
                round(battery, 100), rounded, collision);
    }

    /** Simulated seconds since start. */
    public synchronized double time() {
        return time;
    }

    /** Commands lost to {@code sim.faults.dropRate} so far. */
    public synchronized long droppedCommands() {
        return dropped;
    }

    /** The events since the last call, oldest first. */
    public synchronized List<SimEvent> drainEvents() {
        List<SimEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** Advances the simulation by {@code dt} seconds. */
    public synchronized void step(double dt) {
        if (!(dt >= 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("dt must be a finite number of seconds >= 0: " + dt);
        }
        double left = dt;
        while (left > 1e-12) {
            double h = Math.min(SUBSTEP_S, left);
            substep(h);
            left -= h;
        }
    }

    private void substep(double h) {
        time += h;
        while (!inbox.isEmpty() && inbox.peek().due() <= time + 1e-12) {
            Pending p = inbox.poll();
            if (p.intent() == null) {
                haltNow();
            } else {
                accept(p.intent());
            }
        }
        drain(h / 60 * config.battery().idlePercentPerMinute());
        if (braking) {
            brake(h);
        } else {
            if (current == null) {
                current = next();
            }
            Task t = current;
            if (t != null && t.advance(h)) {
                current = null;
                t.finish();
            }
            if (battery <= 0 && current != null && current.movesBase()) {
                current.cancel();
                current = null;
                speedMps = 0;
            }
        }
        moveJoints(h);
    }

    private Activity activity() {
        if (braking) {
            return Activity.MOVING;
        }
        return current == null ? Activity.IDLE : current.activity();
    }

    private int queued() {
        int pendingCommands = (int) inbox.stream().filter(p -> p.intent() != null).count();
        return pendingCommands + queue.size() + (current == null ? 0 : 1);
    }

    private boolean dropsThis(String commandId, String kind) {
        if (config.faults().dropRate() > 0 && random.nextDouble() < config.faults().dropRate()) {
            dropped++;
            log.info("fault injection: dropped {} command {}", kind, commandId == null ? "" : commandId);
            return true;
        }
        return false;
    }

    private void accept(Intent intent) {
        if (intent instanceof Move m) {
            queue.add(new MoveTask(m));
        } else if (intent instanceof Turn t) {
            queue.add(new TurnTask(t));
        } else if (intent instanceof Gesture g) {
            queue.add(new GestureTask(GestureLibrary.motionOf(g.name())));
        } else if (intent instanceof Pose p) {
            queue.add(new PoseTask(p.pose()));
        } else if (intent instanceof Look l) {
            queue.add(new LookTask(l));
        } else if (intent instanceof Stop) {
            haltNow();
        } else if (!(intent instanceof Speak)) {
            throw new IllegalStateException("unhandled intent " + intent);
        }
        // Speak is for the speaker, not the body.
    }

    private void haltNow() {
        queue.clear();
        if (current != null) {
            current.cancel();
            current = null;
        }
        braking = speedMps != 0;
    }

    /** The next task to run, standing up first before the base moves; refuses work on an empty battery. */
    private Task next() {
        Task t = queue.poll();
        while (t != null && battery <= 0) {
            events.add(new SimEvent(SimEvent.Kind.REFUSED, "battery empty: " + t.describe() + " not run"));
            t = queue.poll();
        }
        if (t == null) {
            return null;
        }
        if (t.movesBase() && rest.get("hips") > 1) {
            queue.addFirst(t);
            t = new PoseTask(Pose.Posture.STAND);
        }
        t.start();
        return t;
    }

    private void brake(double h) {
        double s = Math.abs(speedMps) - config.brakeDecelMps2() * h;
        if (s <= 0) {
            speedMps = 0;
            braking = false;
            return;
        }
        double dir = Math.signum(speedMps);
        speedMps = s * dir;
        translate(s * h * dir);
    }

    /** Moves the base {@code distance} metres along its heading unless that runs into something; false on a collision. */
    private boolean translate(double distance) {
        double h = Math.toRadians(headingDeg);
        double nx = x + Math.cos(h) * distance;
        double ny = y + Math.sin(h) * distance;
        Optional<World.Contact> there = world.contactAt(nx, ny);
        if (there.isPresent()) {
            double here = world.contactAt(x, y).map(World.Contact::depth).orElse(0.0);
            if (there.get().depth() > here + 1e-12) {
                collide(there.get());
                return false;
            }
        }
        x = nx;
        y = ny;
        drain(Math.abs(distance) * config.battery().percentPerMeter());
        return true;
    }

    private void collide(World.Contact contact) {
        collision = contact.what();
        speedMps = 0;
        braking = false;
        queue.clear();
        String message = String.format(Locale.ROOT, "collision: ran into %s at (%.2f, %.2f); stopped", contact.what(), x, y);
        log.warn(message);
        events.add(new SimEvent(SimEvent.Kind.COLLISION, message));
    }

    private void drain(double percent) {
        if (battery <= 0 || percent <= 0) {
            return;
        }
        battery = Math.max(0, battery - percent);
        if (battery == 0) {
            events.add(new SimEvent(SimEvent.Kind.BATTERY, "battery empty: stopping; no more motion until recharged"));
            queue.clear();
        }
    }

    private void moveJoints(double h) {
        Map<String, Double> offsets = current instanceof GestureTask g ? g.offsets : Map.of();
        double maxStep = JOINT_RATE_DEG_PER_S * h;
        String stuck = config.faults().stuckJoint();
        for (String joint : SimConfig.JOINTS) {
            double commanded = rest.get(joint) + offsets.getOrDefault(joint, 0.0);
            double actual = joints.get(joint);
            if (joint.equals(stuck)) {
                if (current != null) {
                    current.trackingError = Math.max(current.trackingError, Math.abs(commanded - actual));
                    current.commandedStuck = Math.abs(commanded) > Math.abs(current.commandedStuck) ? commanded : current.commandedStuck;
                }
                continue;
            }
            joints.put(joint, actual + Math.max(-maxStep, Math.min(maxStep, commanded - actual)));
        }
    }

    private static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
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

    /** One command being carried out. */
    private abstract class Task {
        double trackingError;
        double commandedStuck;

        void start() {
        }

        /** Runs for {@code h} seconds; true when done. */
        abstract boolean advance(double h);

        void finish() {
            reportStuckJoint();
        }

        /** Stopped before it finished. */
        void cancel() {
            reportStuckJoint();
        }

        abstract Activity activity();

        abstract String describe();

        boolean movesBase() {
            return false;
        }

        private void reportStuckJoint() {
            if (trackingError > STUCK_TOLERANCE_DEG) {
                String joint = config.faults().stuckJoint();
                events.add(new SimEvent(SimEvent.Kind.FAULT, String.format(Locale.ROOT,
                        "joint %s is stuck at %.1f° (commanded %.1f°): %s did not play as commanded",
                        joint, joints.get(joint), commandedStuck, describe())));
            }
        }
    }

    private final class MoveTask extends Task {
        private final Move move;
        private final double dir;
        private double remaining;

        MoveTask(Move move) {
            this.move = move;
            this.dir = Math.signum(move.distanceM());
            this.remaining = Math.abs(move.distanceM());
        }

        @Override
        void start() {
            collision = null;
        }

        @Override
        boolean advance(double h) {
            if (remaining <= 1e-9) {
                speedMps = 0;
                return true;
            }
            double cruise = Math.min(move.speedMps(), config.maxSpeedMps());
            double a = config.accelMps2();
            double target = Math.min(cruise, Math.sqrt(2 * a * remaining));
            double v = Math.min(target, Math.abs(speedMps) + a * h);
            v = Math.max(v, Math.min(MIN_SPEED_MPS, cruise));
            double step = Math.min(v * h, remaining);
            if (!translate(step * dir)) {
                return true;
            }
            remaining -= step;
            speedMps = v * dir;
            if (remaining <= 1e-9) {
                speedMps = 0;
                return true;
            }
            return false;
        }

        @Override
        Activity activity() {
            return Activity.MOVING;
        }

        @Override
        String describe() {
            return String.format(Locale.ROOT, "move %.2f m", move.distanceM());
        }

        @Override
        boolean movesBase() {
            return true;
        }
    }

    private final class TurnTask extends Task {
        private final Turn turn;
        private final double dir;
        private double remaining;
        private double rate;

        TurnTask(Turn turn) {
            this.turn = turn;
            this.dir = Math.signum(turn.angleDeg());
            this.remaining = Math.abs(turn.angleDeg());
        }

        @Override
        void start() {
            collision = null;
        }

        @Override
        boolean advance(double h) {
            if (remaining <= 1e-9) {
                return true;
            }
            double cruise = Math.min(turn.rateDegPerS(), config.maxTurnRateDegPerS());
            double a = config.turnAccelDegPerS2();
            double target = Math.min(cruise, Math.sqrt(2 * a * remaining));
            rate = Math.max(Math.min(target, rate + a * h), Math.min(MIN_TURN_RATE_DEG_PER_S, cruise));
            double step = Math.min(rate * h, remaining);
            headingDeg += step * dir;
            remaining -= step;
            drain(step / 360 * config.battery().percentPerRevolution());
            return remaining <= 1e-9;
        }

        @Override
        Activity activity() {
            return Activity.TURNING;
        }

        @Override
        String describe() {
            return String.format(Locale.ROOT, "turn %.0f°", turn.angleDeg());
        }

        @Override
        boolean movesBase() {
            return true;
        }
    }

    private final class GestureTask extends Task {
        private final JointMotion motion;
        private double elapsed;
        private Map<String, Double> offsets = Map.of();

        GestureTask(JointMotion motion) {
            this.motion = motion;
        }

        @Override
        boolean advance(double h) {
            elapsed += h;
            drain(h / 60 * config.battery().activePercentPerMinute());
            offsets = motion.offsetsAt(elapsed);
            return elapsed >= motion.seconds();
        }

        @Override
        Activity activity() {
            return Activity.GESTURING;
        }

        @Override
        String describe() {
            return "gesture " + motion.name();
        }
    }

    private final class PoseTask extends Task {
        private final Pose.Posture target;
        private double fromHips;
        private double fromKnees;
        private double duration;
        private double elapsed;

        PoseTask(Pose.Posture target) {
            this.target = target;
        }

        private double targetDeg() {
            return target == Pose.Posture.SIT ? SIT_DEG : 0;
        }

        @Override
        void start() {
            fromHips = rest.get("hips");
            fromKnees = rest.get("knees");
            double travel = Math.max(Math.abs(targetDeg() - fromHips), Math.abs(targetDeg() - fromKnees)) / SIT_DEG;
            duration = seconds(config.poseTransition()) * travel;
        }

        @Override
        boolean advance(double h) {
            elapsed += h;
            drain(h / 60 * config.battery().activePercentPerMinute());
            double u = duration <= 0 ? 1 : Math.min(1, elapsed / duration);
            double eased = (1 - Math.cos(Math.PI * u)) / 2;
            rest.put("hips", fromHips + (targetDeg() - fromHips) * eased);
            rest.put("knees", fromKnees + (targetDeg() - fromKnees) * eased);
            return u >= 1;
        }

        @Override
        void finish() {
            pose = target.wire();
            super.finish();
        }

        @Override
        void cancel() {
            // frozen part-way: say which posture it is closer to
            pose = rest.get("hips") > SIT_DEG / 2 ? Pose.Posture.SIT.wire() : Pose.Posture.STAND.wire();
            super.cancel();
        }

        @Override
        Activity activity() {
            return Activity.GESTURING;
        }

        @Override
        String describe() {
            return target == Pose.Posture.SIT ? "sit down" : "stand up";
        }
    }

    private final class LookTask extends Task {
        private final double pan;
        private final double tilt;

        LookTask(Look look) {
            this.pan = clamp(look.panDeg(), -HEAD_PAN_LIMIT_DEG, HEAD_PAN_LIMIT_DEG);
            this.tilt = clamp(look.tiltDeg(), -HEAD_TILT_LIMIT_DEG, HEAD_TILT_LIMIT_DEG);
        }

        @Override
        boolean advance(double h) {
            double max = config.headRateDegPerS() * h;
            double p = rest.get("headPan");
            double t = rest.get("headTilt");
            rest.put("headPan", p + clamp(pan - p, -max, max));
            rest.put("headTilt", t + clamp(tilt - t, -max, max));
            drain(h / 60 * config.battery().activePercentPerMinute());
            return Math.abs(rest.get("headPan") - pan) < 1e-9 && Math.abs(rest.get("headTilt") - tilt) < 1e-9;
        }

        @Override
        void cancel() {
            // the head stays where it got to
            super.cancel();
        }

        @Override
        Activity activity() {
            return Activity.GESTURING;
        }

        @Override
        String describe() {
            return String.format(Locale.ROOT, "look pan %.0f° tilt %.0f°", pan, tilt);
        }
    }
}
