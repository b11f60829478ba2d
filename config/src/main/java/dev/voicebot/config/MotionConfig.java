package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensurePositive;

/**
 * Motion defaults: the speeds used when an utterance names none. Safety limits on top of these
 * belong to the motion validator in {@code actuators}.
 */
public record MotionConfig(double defaultSpeedMps, double defaultTurnRateDegPerS) {
    public MotionConfig {
        ensurePositive(defaultSpeedMps, "defaultSpeedMps");
        ensurePositive(defaultTurnRateDegPerS, "defaultTurnRateDegPerS");
    }
}
