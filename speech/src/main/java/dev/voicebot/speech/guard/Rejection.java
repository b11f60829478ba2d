package dev.voicebot.speech.guard;

import static dev.voicebot.config.Checks.ensureNotNull;

/** A reason to drop a transcript, with a human-readable detail for the log. */
public record Rejection(RejectReason reason, String detail) {
    public Rejection {
        ensureNotNull(reason, "reason");
        ensureNotNull(detail, "detail");
    }
}
