package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureFinite;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.actuators.wire.RobotState;

/** Where the base is: metres and degrees (0 = +x, positive counter-clockwise), as in {@link RobotState}. */
public record Pose2D(double x, double y, double headingDeg) {
    public Pose2D {
        ensureFinite(x, "x");
        ensureFinite(y, "y");
        ensureFinite(headingDeg, "headingDeg");
    }

    public static Pose2D of(RobotState s) {
        return new Pose2D(s.x(), s.y(), s.headingDeg());
    }

    /** The pose after {@code intent} has run from this one (only move and turn change it). */
    public Pose2D after(Intent intent) {
        if (intent instanceof Move m) {
            double h = Math.toRadians(headingDeg);
            return new Pose2D(x + Math.cos(h) * m.distanceM(), y + Math.sin(h) * m.distanceM(), headingDeg);
        }
        if (intent instanceof Turn t) {
            return new Pose2D(x, y, headingDeg + t.angleDeg());
        }
        return this;
    }
}
