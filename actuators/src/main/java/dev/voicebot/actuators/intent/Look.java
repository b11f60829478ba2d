package dev.voicebot.actuators.intent;

import static dev.voicebot.config.Checks.ensureFinite;

/** Point the head: pan (positive = left) and tilt (positive = up), in degrees from straight ahead. */
public record Look(double panDeg, double tiltDeg) implements Intent {
    public Look {
        ensureFinite(panDeg, "panDeg");
        ensureFinite(tiltDeg, "tiltDeg");
    }
}
