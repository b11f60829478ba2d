package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureFinite;
import static dev.voicebot.config.Checks.ensurePositive;

/**
 * Drive straight: {@code distanceM} metres, positive forward and negative backward, at
 * {@code speedMps} metres per second (always positive).
 */
public record Move(double distanceM, double speedMps) implements Intent {
    public Move {
        ensureFinite(distanceM, "distanceM");
        ensurePositive(speedMps, "speedMps");
    }
}
