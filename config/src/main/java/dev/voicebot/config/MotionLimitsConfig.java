package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the motion validator (in {@code actuators}) lets through, checked on every intent before
 * anything is published, whatever produced it. {@code policy} says what happens to a value out of
 * bounds: {@code clamp} shrinks it to the bound and says so, {@code reject} refuses the intent.
 * {@code geofence} is a polygon of [x, y] points in metres, in the frame of the robot's reported
 * state (the simulator starts at {@code sim.start}); a motion whose predicted end lies outside is
 * shortened (clamp) or refused (reject). {@code profile} names the entry of {@code profiles} that
 * lists the kinds of intent this robot may run ({@code stop} is always allowed).
 */
public record MotionLimitsConfig(
        String policy,
        double maxSpeedMps,
        double maxDistanceM,
        double maxTurnDeg,
        double maxTurnRateDegPerS,
        double headPanDeg,
        double headTiltDeg,
        List<List<Double>> geofence,
        RateLimit rateLimit,
        String profile,
        Map<String, List<String>> profiles,
        Confirm confirm) {

    public static final Set<String> POLICIES = Set.of("clamp", "reject");
    /** The kinds of intent in the command vocabulary (actuators' IntentKind wire names). */
    public static final Set<String> KINDS = Set.of("move", "turn", "stop", "gesture", "look", "pose", "speak");

    public MotionLimitsConfig {
        if (policy == null || !POLICIES.contains(policy)) {
            throw new InvalidValueException("policy", policy == null ? null : "\"" + policy + "\"", "clamp or reject");
        }
        ensureRange(maxSpeedMps, 0.01, 5.0, "maxSpeedMps");
        ensureRange(maxDistanceM, 0.01, 100.0, "maxDistanceM");
        ensureRange(maxTurnDeg, 1.0, 3600.0, "maxTurnDeg");
        ensureRange(maxTurnRateDegPerS, 1.0, 720.0, "maxTurnRateDegPerS");
        ensureRange(headPanDeg, 0.0, 180.0, "headPanDeg");
        ensureRange(headTiltDeg, 0.0, 90.0, "headTiltDeg");
        geofence = polygon(geofence);
        ensureNotNull(rateLimit, "rateLimit");
        ensureNotNull(profiles, "profiles");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : profiles.entrySet()) {
            List<String> kinds = ensureNotNull(e.getValue(), "profiles." + e.getKey());
            for (String kind : kinds) {
                if (kind == null || !KINDS.contains(kind)) {
                    throw new InvalidValueException("profiles." + e.getKey(), kind == null ? null : "\"" + kind + "\"",
                            "kinds of intent: move, turn, stop, gesture, look, pose, speak");
                }
            }
            copy.put(e.getKey(), List.copyOf(kinds));
        }
        profiles = Map.copyOf(copy);
        if (profile == null || !profiles.containsKey(profile)) {
            throw new InvalidValueException("profile", profile == null ? null : "\"" + profile + "\"",
                    "one of the names under profiles: " + String.join(", ", new java.util.TreeSet<>(profiles.keySet())));
        }
        ensureNotNull(confirm, "confirm");
    }

    private static List<List<Double>> polygon(List<List<Double>> points) {
        ensureNotNull(points, "geofence");
        if (points.size() < 3) {
            throw new InvalidValueException("geofence", points, "a polygon of at least 3 [x, y] points in metres");
        }
        for (List<Double> p : points) {
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null
                    || !Double.isFinite(p.get(0)) || !Double.isFinite(p.get(1))) {
                throw new InvalidValueException("geofence", points, "a list of [x, y] pairs of finite numbers, e.g. [[-5, -5], [5, -5], [5, 5], [-5, 5]]");
            }
        }
        return points.stream().map(List::copyOf).toList();
    }

    /** The same limits as the shipped defaults.yaml. */
    public static MotionLimitsConfig defaults() {
        return new MotionLimitsConfig("clamp", 0.5, 3.0, 360, 90, 90, 30,
                List.of(List.of(-5.0, -5.0), List.of(5.0, -5.0), List.of(5.0, 5.0), List.of(-5.0, 5.0)),
                new RateLimit(20, Duration.ofSeconds(10)), "humanoid",
                Map.of("humanoid", List.of("move", "turn", "stop", "gesture", "look", "pose", "speak"),
                        "wheeled", List.of("move", "turn", "stop", "look", "speak"),
                        "stationary", List.of("stop", "gesture", "look", "pose", "speak")),
                new Confirm(List.of(), 1.0, Duration.ofSeconds(30)));
    }

    /** The kinds of intent the configured profile allows (stop is allowed whatever it says). */
    public List<String> allowedKinds() {
        return profiles.get(profile);
    }

    public boolean clamps() {
        return policy.equals("clamp");
    }

    /** At most {@code commands} commands (stop not counted) in any window of length {@code per}. */
    public record RateLimit(int commands, Duration per) {
        public RateLimit {
            ensureRange(commands, 1, 10_000, "commands");
            ensureRange(per, Duration.ofMillis(100), Duration.ofHours(1), "per");
        }
    }

    /**
     * Risky intents wait for a spoken or typed "yes" before they run: every intent of a kind in
     * {@code kinds}, and backward moves longer than {@code backwardOverM} metres (the robot cannot see
     * behind it; 0 means every backward move). An unanswered request lapses after {@code timeout}.
     */
    public record Confirm(List<String> kinds, double backwardOverM, Duration timeout) {
        public Confirm {
            ensureNotNull(kinds, "kinds");
            for (String kind : kinds) {
                if (kind == null || !KINDS.contains(kind) || kind.equals("stop")) {
                    throw new InvalidValueException("kinds", kind == null ? null : "\"" + kind + "\"",
                            "kinds of intent other than stop: move, turn, gesture, look, pose, speak");
                }
            }
            kinds = List.copyOf(kinds);
            ensureRange(backwardOverM, 0.0, 100.0, "backwardOverM");
            ensureRange(timeout, Duration.ofSeconds(1), Duration.ofMinutes(10), "timeout");
        }
    }
}
