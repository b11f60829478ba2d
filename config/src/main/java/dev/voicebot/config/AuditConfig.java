package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

/**
 * The audit log in the data directory: every safety decision (word filter verdicts on what the user
 * said and what the robot says, motion refusals and clamps) as one JSON line, written through to the
 * operating system record by record. {@code includeAllowed} false keeps only decisions that changed
 * something, so allowed utterances and replies are not kept. A new file starts beyond
 * {@code maxFileMb}; {@code retention} bounds age and total size. {@code feedback}: the store of
 * reports people make about replies.
 */
public record AuditConfig(boolean enabled, boolean includeAllowed, int maxFileMb, RetentionConfig retention, Feedback feedback) {
    public AuditConfig {
        ensureRange(maxFileMb, 1, 1024, "maxFileMb");
        ensureNotNull(retention, "retention");
        ensureNotNull(feedback, "feedback");
        if (maxFileMb > retention.maxTotalMb()) {
            throw new InvalidValueException("maxFileMb", maxFileMb, "at most retention.maxTotalMb (" + retention.maxTotalMb() + ")");
        }
    }

    /**
     * Reports about replies: kept for {@code retention}; a report over MQTT may name any of the last
     * {@code recentReplies} replies (held in memory only, lost on restart).
     */
    public record Feedback(RetentionConfig retention, int recentReplies) {
        public Feedback {
            ensureNotNull(retention, "retention");
            ensureRange(recentReplies, 1, 100_000, "recentReplies");
        }
    }
}
