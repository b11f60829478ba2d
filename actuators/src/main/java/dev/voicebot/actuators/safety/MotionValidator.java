package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.config.MotionLimitsConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The deterministic gate every intent passes before anything is published, whichever path (fast
 * grammar, LLM, web, bus) produced it. In order: the robot profile's allow-list, numeric bounds
 * (clamped or rejected by policy), the geofence against the predicted end pose (the latest reported
 * state plus every accepted motion not yet finished), the rate limit, and whether the intent is risky
 * and needs a confirmation. {@code stop} always passes.
 *
 * <p>The caller reports what it actually published with {@link #committed} and what the robot reports
 * with {@link #observe}; both feed the predicted pose and the rate limit. Thread-safe.
 */
public final class MotionValidator {
    /** How far inside the geofence a shortened move stops. */
    static final double GEOFENCE_MARGIN_M = 0.05;
    /** A move shortened below this is refused instead. */
    static final double MIN_MOVE_M = 0.01;

    private final MotionLimitsConfig limits;
    private final Geofence geofence;
    private final Set<String> allowed;
    private final Clock clock;
    private final Duration planTimeout;
    private final Deque<Instant> published = new ArrayDeque<>();
    private final Deque<Planned> plan = new ArrayDeque<>();
    private Pose2D anchor;

    private record Planned(String commandId, Intent intent, Instant at) {
    }

    /**
     * @param start       where the robot is before any state arrives (the simulator's start pose)
     * @param planTimeout an accepted command the robot has not reported within this long no longer counts
     *                    towards the predicted pose once the robot is idle (use the command expiry)
     */
    public MotionValidator(MotionLimitsConfig limits, Pose2D start, Duration planTimeout, Clock clock) {
        this.limits = ensureNotNull(limits, "limits");
        this.geofence = new Geofence(limits.geofence());
        this.allowed = Set.copyOf(limits.allowedKinds());
        this.anchor = ensureNotNull(start, "start");
        this.planTimeout = ensureNotNull(planTimeout, "planTimeout");
        this.clock = ensureNotNull(clock, "clock");
    }

    /** Checks {@code intent} asked for by {@code source}; risky intents come back as {@link Verdict.NeedsConfirmation}. */
    public synchronized Verdict check(Intent intent, String source) {
        return evaluate(intent, source, true);
    }

    /** Checks an intent someone has just confirmed: every rule again, against the state now, except the confirmation. */
    public synchronized Verdict checkConfirmed(Intent intent, String source) {
        return evaluate(intent, source, false);
    }

    private Verdict evaluate(Intent intent, String source, boolean askIfRisky) {
        ensureNotNull(intent, "intent");
        if (intent instanceof Stop) {
            return new Verdict.Accepted(intent);
        }
        String kind = intent.kind();
        if (!allowed.contains(kind)) {
            return new Verdict.Rejected(intent, RefusalCode.NOT_ALLOWED, "'" + kind + "' is not allowed for robot profile '"
                    + limits.profile() + "' (allowed: " + String.join(", ", limits.allowedKinds()) + ")");
        }
        List<String> reasons = new ArrayList<>();
        Intent adjusted = bounded(intent, reasons);
        if (adjusted == null) {
            return new Verdict.Rejected(intent, RefusalCode.OUT_OF_BOUNDS, String.join("; ", reasons));
        }
        if (adjusted instanceof Move m) {
            Pose2D from = predictedEnd();
            double h = Math.toRadians(from.headingDeg());
            double t = geofence.fractionInside(from.x(), from.y(), Math.cos(h) * m.distanceM(), Math.sin(h) * m.distanceM());
            if (t < 1) {
                Pose2D end = from.after(m);
                String where = String.format(Locale.ROOT, "moving %.2f m from (%.2f, %.2f) would end at (%.2f, %.2f), outside the geofence %s",
                        m.distanceM(), from.x(), from.y(), end.x(), end.y(), geofence);
                double allowedM = t * Math.abs(m.distanceM()) - GEOFENCE_MARGIN_M;
                if (!limits.clamps() || allowedM < MIN_MOVE_M) {
                    return new Verdict.Rejected(intent, RefusalCode.GEOFENCE, where
                            + (limits.clamps() ? "; the robot is already at its edge" : ""));
                }
                adjusted = new Move(Math.copySign(allowedM, m.distanceM()), m.speedMps());
                reasons.add(where + String.format(Locale.ROOT, "; shortened to %.2f m", allowedM));
            }
        }
        Instant now = clock.instant();
        prune(now);
        if (published.size() >= limits.rateLimit().commands()) {
            return new Verdict.Rejected(intent, RefusalCode.RATE_LIMIT, "more than " + limits.rateLimit().commands()
                    + " commands within " + dev.voicebot.config.Durations.format(limits.rateLimit().per()) + "; wait a moment");
        }
        if (askIfRisky) {
            List<String> risks = risks(adjusted);
            if (!risks.isEmpty()) {
                List<String> all = new ArrayList<>(risks);
                all.addAll(reasons);
                return new Verdict.NeedsConfirmation(new PendingConfirmation(UUID.randomUUID().toString(), intent, adjusted, all,
                        source, now, now.plus(limits.confirm().timeout())));
            }
        }
        return reasons.isEmpty() ? new Verdict.Accepted(intent) : new Verdict.Clamped(intent, adjusted, reasons);
    }

    /** The intent within numeric bounds (clamped, with reasons), or null when the reject policy refuses it. */
    private Intent bounded(Intent intent, List<String> reasons) {
        boolean clamp = limits.clamps();
        if (intent instanceof Move m) {
            double d = m.distanceM();
            double v = m.speedMps();
            if (Math.abs(d) > limits.maxDistanceM()) {
                reasons.add(fmt("distance %.2f m is over the limit of %.2f m per move", Math.abs(d), limits.maxDistanceM()));
                d = Math.copySign(limits.maxDistanceM(), d);
            }
            if (v > limits.maxSpeedMps()) {
                reasons.add(fmt("speed %.2f m/s is over the limit of %.2f m/s", v, limits.maxSpeedMps()));
                v = limits.maxSpeedMps();
            }
            return reasons.isEmpty() ? m : clamp ? new Move(d, v) : null;
        }
        if (intent instanceof Turn t) {
            double a = t.angleDeg();
            double r = t.rateDegPerS();
            if (Math.abs(a) > limits.maxTurnDeg()) {
                reasons.add(fmt("turn of %.1f° is over the limit of %.1f° per turn", Math.abs(a), limits.maxTurnDeg()));
                a = Math.copySign(limits.maxTurnDeg(), a);
            }
            if (r > limits.maxTurnRateDegPerS()) {
                reasons.add(fmt("turn rate %.1f°/s is over the limit of %.1f°/s", r, limits.maxTurnRateDegPerS()));
                r = limits.maxTurnRateDegPerS();
            }
            return reasons.isEmpty() ? t : clamp ? new Turn(a, r) : null;
        }
        if (intent instanceof Look l) {
            double pan = l.panDeg();
            double tilt = l.tiltDeg();
            if (Math.abs(pan) > limits.headPanDeg()) {
                reasons.add(fmt("head pan %.1f° is beyond ±%.1f°", pan, limits.headPanDeg()));
                pan = Math.copySign(limits.headPanDeg(), pan);
            }
            if (Math.abs(tilt) > limits.headTiltDeg()) {
                reasons.add(fmt("head tilt %.1f° is beyond ±%.1f°", tilt, limits.headTiltDeg()));
                tilt = Math.copySign(limits.headTiltDeg(), tilt);
            }
            return reasons.isEmpty() ? l : clamp ? new Look(pan, tilt) : null;
        }
        return intent;
    }

    private List<String> risks(Intent intent) {
        List<String> risks = new ArrayList<>();
        if (limits.confirm().kinds().contains(intent.kind())) {
            risks.add("'" + intent.kind() + "' always needs a confirmation on this robot");
        }
        if (intent instanceof Move m && m.distanceM() < 0 && -m.distanceM() > limits.confirm().backwardOverM()) {
            risks.add(fmt("moving backward %.2f m (more than %.2f m) without seeing behind", -m.distanceM(), limits.confirm().backwardOverM()));
        }
        return risks;
    }

    /** Records that {@code intent} was published as {@code commandId}: it counts for the rate limit and the predicted pose. */
    public synchronized void committed(String commandId, Intent intent) {
        Instant now = clock.instant();
        if (intent instanceof Stop) {
            plan.clear();
            return;
        }
        published.addLast(now);
        prune(now);
        plan.addLast(new Planned(commandId, intent, now));
    }

    /** The robot reported {@code state}. */
    public synchronized void observe(RobotState state) {
        Pose2D pose = Pose2D.of(state);
        if (state.idle()) {
            if (state.lastCommandId() != null && plan.stream().anyMatch(p -> p.commandId().equals(state.lastCommandId()))) {
                while (!plan.isEmpty()) {
                    if (plan.pollFirst().commandId().equals(state.lastCommandId())) {
                        break;
                    }
                }
            }
            Instant stale = clock.instant().minus(planTimeout);
            plan.removeIf(p -> p.at().isBefore(stale));
        }
        if (plan.isEmpty()) {
            anchor = pose;
        }
    }

    /** Where the base will be when every accepted motion has run. */
    public synchronized Pose2D predictedEnd() {
        Pose2D p = anchor;
        for (Planned planned : plan) {
            p = p.after(planned.intent());
        }
        return p;
    }

    public MotionLimitsConfig limits() {
        return limits;
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(limits.rateLimit().per());
        for (Iterator<Instant> it = published.iterator(); it.hasNext(); ) {
            if (it.next().isAfter(cutoff)) {
                break;
            }
            it.remove();
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
