package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;

/**
 * The runtime's heartbeat on {@code robot/{id}/heartbeat}: a counter and the promised interval. A motor
 * controller that hears none for its watchdog timeout halts.
 */
public record Heartbeat(long seq, long intervalMs, String component) {
    public Heartbeat {
        if (seq < 0 || intervalMs <= 0) {
            throw new IllegalArgumentException("heartbeat seq must be >= 0 and intervalMs > 0");
        }
        ensureNotBlank(component, "component");
    }
}
