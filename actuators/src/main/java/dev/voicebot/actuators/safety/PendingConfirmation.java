package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import java.time.Instant;
import java.util.List;

/**
 * A risky intent waiting for a "yes": {@code intent} is what will run (already within bounds),
 * {@code original} what was asked, {@code reasons} why it needs a confirmation (and what was clamped).
 * It lapses at {@code expiresAt}.
 */
public record PendingConfirmation(String id, Intent original, Intent intent, List<String> reasons, String source,
                                  Instant createdAt, Instant expiresAt) {
    public PendingConfirmation {
        ensureNotBlank(id, "id");
        ensureNotNull(original, "original");
        ensureNotNull(intent, "intent");
        reasons = List.copyOf(ensureNotNull(reasons, "reasons"));
        ensureNotBlank(source, "source");
        ensureNotNull(createdAt, "createdAt");
        ensureNotNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
