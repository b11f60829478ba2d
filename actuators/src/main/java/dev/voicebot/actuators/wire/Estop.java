package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;

/**
 * The emergency-stop signal on {@code robot/{id}/estop}. {@code engaged: true} latches it (anyone may
 * send that; it is published retained so that a restarted runtime or controller still sees it).
 * {@code engaged: false} asks for a reset, honoured only with the configured {@code token}; after an
 * accepted reset the runtime publishes the new state retained, without the token.
 */
public record Estop(boolean engaged, String source, String reason, String token) {
    public Estop {
        ensureNotBlank(source, "source");
    }

    public static Estop engage(String source, String reason) {
        return new Estop(true, source, reason, null);
    }

    public static Estop reset(String source, String reason, String token) {
        return new Estop(false, source, reason, token);
    }
}
