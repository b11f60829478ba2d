package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureFinite;
import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensurePositive;
import static dev.voicebot.config.Checks.ensureRange;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/**
 * The simulated robot that {@code robot run} starts unless it drives real motor controllers: its
 * limits, its world (obstacles and a geofence) and the faults it can be told to have, for tests.
 */
public record SimConfig(
        boolean enabled,
        int stateRateHz,
        int physicsRateHz,
        double maxSpeedMps,
        double maxTurnRateDegPerS,
        StartPose start,
        double timeScale,
        double accelMps2,
        double brakeDecelMps2,
        double turnAccelDegPerS2,
        double headRateDegPerS,
        Duration poseTransition,
        double robotRadiusM,
        Battery battery,
        List<Obstacle> obstacles,
        List<List<Double>> geofence,
        Faults faults) {

    /** The simulated joints, in the order the state lists them; angles in degrees, 0 = standing, arms down. */
    public static final List<String> JOINTS = List.of("headPan", "headTilt", "leftShoulder", "leftElbow",
            "rightShoulder", "rightElbow", "waist", "hips", "knees");

    public SimConfig {
        ensureRange(stateRateHz, 10, 100, "stateRateHz");
        ensureRange(physicsRateHz, 20, 1000, "physicsRateHz");
        ensurePositive(maxSpeedMps, "maxSpeedMps");
        ensurePositive(maxTurnRateDegPerS, "maxTurnRateDegPerS");
        ensureNotNull(start, "start");
        ensureRange(timeScale, 0.1, 20, "timeScale");
        ensureRange(accelMps2, 0.05, 20, "accelMps2");
        ensureRange(brakeDecelMps2, 0.5, 50, "brakeDecelMps2");
        ensureRange(turnAccelDegPerS2, 10, 5000, "turnAccelDegPerS2");
        ensureRange(headRateDegPerS, 10, 1000, "headRateDegPerS");
        ensureRange(poseTransition, Duration.ofMillis(100), Duration.ofSeconds(10), "poseTransition");
        ensureRange(robotRadiusM, 0.05, 2, "robotRadiusM");
        ensureNotNull(battery, "battery");
        obstacles = List.copyOf(ensureNotNull(obstacles, "obstacles"));
        geofence = polygon(geofence);
        ensureNotNull(faults, "faults");
        for (int i = 0; i < obstacles.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (obstacles.get(i).name().equals(obstacles.get(j).name())) {
                    throw new InvalidValueException("obstacles[" + i + "].name", "\"" + obstacles.get(i).name() + "\"", "a name no other obstacle has");
                }
            }
        }
        if (fenceClearance(fencePoints(geofence), start.x(), start.y()) < robotRadiusM) {
            throw new InvalidValueException("start", "(" + start.x() + ", " + start.y() + ")",
                    "a position inside the geofence, at least robotRadiusM (" + robotRadiusM + " m) from its edges");
        }
        for (Obstacle o : obstacles) {
            if (o.clearance(start.x(), start.y()) < robotRadiusM) {
                throw new InvalidValueException("start", "(" + start.x() + ", " + start.y() + ")",
                        "a position at least robotRadiusM (" + robotRadiusM + " m) away from obstacle '" + o.name() + "'");
            }
        }
    }

    private static List<List<Double>> polygon(List<List<Double>> points) {
        ensureNotNull(points, "geofence");
        if (points.isEmpty()) {
            return List.of();
        }
        String allowed = "[] (no walls) or a polygon of at least 3 [x, y] points in metres, e.g. [[-5, -5], [5, -5], [5, 5], [-5, 5]]";
        if (points.size() < 3) {
            throw new InvalidValueException("geofence", points, allowed);
        }
        for (List<Double> p : points) {
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null
                    || !Double.isFinite(p.get(0)) || !Double.isFinite(p.get(1))) {
                throw new InvalidValueException("geofence", points, allowed);
            }
        }
        return points.stream().map(List::copyOf).toList();
    }

    /** The walls of the simulated world as points; empty when there are none. */
    public List<Point> fence() {
        return fencePoints(geofence);
    }

    private static List<Point> fencePoints(List<List<Double>> polygon) {
        return polygon.stream().map(p -> new Point(p.get(0), p.get(1))).toList();
    }

    /**
     * Signed distance from {@code (x, y)} to the fence's edges: positive inside, negative outside;
     * {@link Double#POSITIVE_INFINITY} when there is no fence.
     */
    public static double fenceClearance(List<Point> fence, double x, double y) {
        if (fence.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        boolean inside = false;
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0, j = fence.size() - 1; i < fence.size(); j = i++) {
            Point a = fence.get(i);
            Point b = fence.get(j);
            if ((a.y() > y) != (b.y() > y) && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
            nearest = Math.min(nearest, segmentDistance(x, y, a, b));
        }
        return inside ? nearest : -nearest;
    }

    private static double segmentDistance(double x, double y, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
        return Math.hypot(x - (a.x() + t * dx), y - (a.y() + t * dy));
    }

    /** Where the simulated robot stands when it starts: metres and degrees (0 = facing +x). */
    public record StartPose(double x, double y, double headingDeg) {
        public StartPose {
            ensureFinite(x, "x");
            ensureFinite(y, "y");
            ensureRange(headingDeg, -360, 360, "headingDeg");
        }
    }

    /** A point of the walls' polygon, in metres. */
    public record Point(double x, double y) {
        public Point {
            ensureFinite(x, "x");
            ensureFinite(y, "y");
        }
    }

    /**
     * How the battery drains, in percent: per metre driven, per full turn, per minute of gestures or
     * posture changes, and per minute regardless. At 0 % the robot stops and refuses to move.
     */
    public record Battery(double startPercent, double percentPerMeter, double percentPerRevolution,
                          double activePercentPerMinute, double idlePercentPerMinute) {
        public Battery {
            ensureRange(startPercent, 0, 100, "startPercent");
            ensureRange(percentPerMeter, 0, 100, "percentPerMeter");
            ensureRange(percentPerRevolution, 0, 100, "percentPerRevolution");
            ensureRange(activePercentPerMinute, 0, 100, "activePercentPerMinute");
            ensureRange(idlePercentPerMinute, 0, 100, "idlePercentPerMinute");
        }
    }

    /** Something the robot must not run into: {@code shape: circle} or {@code shape: rect} (axis-aligned, centred on x, y). */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "shape")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Circle.class, name = "circle"),
        @JsonSubTypes.Type(value = Rect.class, name = "rect"),
    })
    public sealed interface Obstacle permits Circle, Rect {
        String name();

        /** Signed distance from {@code (x, y)} to the obstacle's edge: negative inside. */
        double clearance(double x, double y);
    }

    public record Circle(String name, double x, double y, double radius) implements Obstacle {
        public Circle {
            ensureNotBlank(name, "name");
            ensureFinite(x, "x");
            ensureFinite(y, "y");
            ensureRange(radius, 0.01, 1000, "radius");
        }

        @Override
        public double clearance(double px, double py) {
            return Math.hypot(px - x, py - y) - radius;
        }
    }

    public record Rect(String name, double x, double y, double width, double height) implements Obstacle {
        public Rect {
            ensureNotBlank(name, "name");
            ensureFinite(x, "x");
            ensureFinite(y, "y");
            ensureRange(width, 0.01, 1000, "width");
            ensureRange(height, 0.01, 1000, "height");
        }

        @Override
        public double clearance(double px, double py) {
            double dx = Math.abs(px - x) - width / 2;
            double dy = Math.abs(py - y) - height / 2;
            double outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
            return outside > 0 ? outside : Math.max(dx, dy);
        }
    }

    /**
     * Faults to inject, for tests: {@code latency} before each command takes effect, a share of
     * commands dropped ({@code dropRate}, drawn from {@code seed}), a {@code stuckJoint} that does not
     * move, and a controller whose connection drops {@code disconnectAfter} start and comes back
     * {@code reconnectAfter} later (null: never).
     */
    public record Faults(Duration latency, double dropRate, long seed, String stuckJoint,
                         Duration disconnectAfter, Duration reconnectAfter) {
        public Faults {
            ensureRange(latency, Duration.ZERO, Duration.ofSeconds(10), "latency");
            ensureRange(dropRate, 0, 1, "dropRate");
            if (stuckJoint != null && !JOINTS.contains(stuckJoint)) {
                throw new InvalidValueException("stuckJoint", "\"" + stuckJoint + "\"", "null or one of " + String.join(", ", JOINTS));
            }
            if (disconnectAfter != null) {
                ensureRange(disconnectAfter, Duration.ofMillis(100), Duration.ofDays(1), "disconnectAfter");
            }
            if (reconnectAfter != null) {
                ensureRange(reconnectAfter, Duration.ofMillis(100), Duration.ofDays(1), "reconnectAfter");
            }
        }
    }
}
