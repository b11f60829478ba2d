package dev.voicebot.actuators.controller;

import static dev.voicebot.config.Checks.ensurePositive;
import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Look;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Turn;
import dev.voicebot.config.MotionLimitsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The controller's own limits, applied again to every command whatever the runtime checked (defence
 * in depth): values beyond them are clamped and the acknowledgement says so.
 */
public record HardLimits(double maxSpeedMps, double maxDistanceM, double maxTurnDeg, double maxTurnRateDegPerS,
                         double headPanDeg, double headTiltDeg) {
    public HardLimits {
        ensurePositive(maxSpeedMps, "maxSpeedMps");
        ensurePositive(maxDistanceM, "maxDistanceM");
        ensurePositive(maxTurnDeg, "maxTurnDeg");
        ensurePositive(maxTurnRateDegPerS, "maxTurnRateDegPerS");
        ensureRange(headPanDeg, 0, 180, "headPanDeg");
        ensureRange(headTiltDeg, 0, 90, "headTiltDeg");
    }

    /** The same numbers as the runtime's motion limits. */
    public static HardLimits of(MotionLimitsConfig limits) {
        return new HardLimits(limits.maxSpeedMps(), limits.maxDistanceM(), limits.maxTurnDeg(), limits.maxTurnRateDegPerS(),
                limits.headPanDeg(), limits.headTiltDeg());
    }

    /** An intent with what was clamped. */
    public record Applied(Intent intent, List<String> clamped) {
    }

    public Applied apply(Intent intent) {
        List<String> why = new ArrayList<>();
        if (intent instanceof Move m) {
            double d = clamp(m.distanceM(), maxDistanceM, "distance", "m", why);
            double v = clamp(m.speedMps(), maxSpeedMps, "speed", "m/s", why);
            return new Applied(why.isEmpty() ? m : new Move(d, v), why);
        }
        if (intent instanceof Turn t) {
            double a = clamp(t.angleDeg(), maxTurnDeg, "turn", "°", why);
            double r = clamp(t.rateDegPerS(), maxTurnRateDegPerS, "turn rate", "°/s", why);
            return new Applied(why.isEmpty() ? t : new Turn(a, r), why);
        }
        if (intent instanceof Look l) {
            double p = clamp(l.panDeg(), headPanDeg, "head pan", "°", why);
            double t = clamp(l.tiltDeg(), headTiltDeg, "head tilt", "°", why);
            return new Applied(why.isEmpty() ? l : new Look(p, t), why);
        }
        return new Applied(intent, why);
    }

    private static double clamp(double value, double max, String what, String unit, List<String> why) {
        if (Math.abs(value) <= max) {
            return value;
        }
        why.add(String.format(Locale.ROOT, "%s %.2f%s clamped to the controller's hard limit %.2f%s", what, Math.abs(value), unit, max, unit));
        return Math.copySign(max, value);
    }
}
