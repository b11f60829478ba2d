package dev.voicebot.runtime.feedback;

import static dev.voicebot.config.Checks.ensureNotBlank;

import dev.voicebot.config.InvalidValueException;

/**
 * The payload of a report sent on {@code robot/{id}/feedback} (inside the usual envelope):
 * {@code replyMsgId}, the {@code msgId} of the reply's message on {@code robot/{id}/reply}; an optional
 * {@code reason} (a short word such as {@code rude}, {@code offensive}, {@code hurtful}, {@code wrong});
 * an optional free-text {@code comment}.
 */
public record FeedbackRequest(String replyMsgId, String reason, String comment) {
    public static final int MAX_COMMENT = 2000;

    public FeedbackRequest {
        ensureNotBlank(replyMsgId, "replyMsgId");
        if (replyMsgId.length() > 128) {
            throw new InvalidValueException("replyMsgId", replyMsgId.substring(0, 16) + "...", "a message id of at most 128 characters");
        }
        if (reason != null && !reason.matches("[a-z][a-z_-]{0,31}")) {
            throw new InvalidValueException("reason", "\"" + reason + "\"", "a short lower-case word such as rude, offensive, hurtful or wrong");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidValueException("comment", comment.length() + " characters", "at most " + MAX_COMMENT + " characters");
        }
    }
}
