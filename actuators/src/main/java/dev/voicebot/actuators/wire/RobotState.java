package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureFinite;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a motor controller (or the simulator) reports about itself, retained on {@code robot/{id}/state}.
 * Position in metres, heading in degrees (0 = +x, positive counter-clockwise), {@code queued} = motion
 * commands accepted but not yet finished, {@code lastCommandId} = msgId of the newest command received.
 * Optional (absent on the wire when a controller does not know them): {@code batteryPercent} (0..100),
 * {@code joints} (joint name to angle in degrees), {@code collision} (what the base last ran into, until
 * it moves again).
 */
public record RobotState(
        double x,
        double y,
        double headingDeg,
        Activity activity,
        double speedMps,
        String pose,
        String gesture,
        double headPanDeg,
        double headTiltDeg,
        int queued,
        String lastCommandId,
        Double batteryPercent,
        java.util.Map<String, Double> joints,
        String collision) {

    public RobotState {
        ensureFinite(x, "x");
        ensureFinite(y, "y");
        ensureFinite(headingDeg, "headingDeg");
        ensureNotNull(activity, "activity");
        ensureFinite(speedMps, "speedMps");
        ensureNotNull(pose, "pose");
        if (queued < 0) {
            throw new IllegalArgumentException("queued must not be negative: " + queued);
        }
        if (batteryPercent != null && !(batteryPercent >= 0 && batteryPercent <= 100)) {
            throw new IllegalArgumentException("batteryPercent must be 0 to 100: " + batteryPercent);
        }
        joints = joints == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(joints));
    }

    /** A state without battery, joints or collision. */
    public RobotState(double x, double y, double headingDeg, Activity activity, double speedMps, String pose, String gesture,
                      double headPanDeg, double headTiltDeg, int queued, String lastCommandId) {
        this(x, y, headingDeg, activity, speedMps, pose, gesture, headPanDeg, headTiltDeg, queued, lastCommandId, null, null, null);
    }

    /** Idle: not moving, nothing queued. */
    public boolean idle() {
        return activity == Activity.IDLE && queued == 0;
    }

    public enum Activity {
        IDLE("idle"), MOVING("moving"), TURNING("turning"), GESTURING("gesturing"), HALTED("halted");

        private final String wire;

        Activity(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }
}
