package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureFinite;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensurePositive;
import static dev.voicebot.config.Checks.ensureRange;

/** The simulated robot that {@code robot run} starts unless it drives real motor controllers. */
public record SimConfig(
        boolean enabled,
        int stateRateHz,
        int physicsRateHz,
        double maxSpeedMps,
        double maxTurnRateDegPerS,
        StartPose start) {

    public SimConfig {
        ensureRange(stateRateHz, 10, 100, "stateRateHz");
        ensureRange(physicsRateHz, 20, 1000, "physicsRateHz");
        ensurePositive(maxSpeedMps, "maxSpeedMps");
        ensurePositive(maxTurnRateDegPerS, "maxTurnRateDegPerS");
        ensureNotNull(start, "start");
    }

    /** Where the simulated robot stands when it starts: metres and degrees (0 = facing +x). */
    public record StartPose(double x, double y, double headingDeg) {
        public StartPose {
            ensureFinite(x, "x");
            ensureFinite(y, "y");
            ensureRange(headingDeg, -360, 360, "headingDeg");
        }
    }
}
