package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensurePositive;

/**
 * Motion defaults: the speeds used when an utterance names none; {@code limits}, the bounds the
 * motion validator in {@code actuators} enforces on every intent; {@code estop}, who may reset a
 * latched emergency stop.
 */
public record MotionConfig(double defaultSpeedMps, double defaultTurnRateDegPerS, MotionLimitsConfig limits, EstopConfig estop) {
    public MotionConfig {
        ensurePositive(defaultSpeedMps, "defaultSpeedMps");
        ensurePositive(defaultTurnRateDegPerS, "defaultTurnRateDegPerS");
        ensureNotNull(limits, "limits");
        ensureNotNull(estop, "estop");
    }

    /** Speeds only, with the shipped default limits and an e-stop that only the process itself can reset. */
    public MotionConfig(double defaultSpeedMps, double defaultTurnRateDegPerS) {
        this(defaultSpeedMps, defaultTurnRateDegPerS, MotionLimitsConfig.defaults(), new EstopConfig(null, false));
    }
}
