package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureFinite;
import static dev.voicebot.config.Checks.ensurePositive;

/**
 * Turn in place by {@code angleDeg} degrees, positive = left (counter-clockwise seen from above),
 * at {@code rateDegPerS} degrees per second (always positive).
 */
public record Turn(double angleDeg, double rateDegPerS) implements Intent {
    public Turn {
        ensureFinite(angleDeg, "angleDeg");
        ensurePositive(rateDegPerS, "rateDegPerS");
    }
}
