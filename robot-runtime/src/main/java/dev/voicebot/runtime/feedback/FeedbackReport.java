package dev.voicebot.runtime.feedback;

import static dev.voicebot.config.Checks.ensureNotBlank;

/**
 * One report about a reply, as stored in {@code <data>/feedback/feedback-*.jsonl}: its id, when
 * ({@code ts} milliseconds since the epoch, {@code time} ISO-8601 UTC), the robot, {@code via}
 * {@value #VOICE} or {@value #MQTT}, the {@code reason} ({@code rude}, {@code offensive},
 * {@code hurtful}, {@code report} or what an MQTT client sent), the person's own words
 * ({@code comment}: the spoken report, or the comment sent), the {@code replyMsgId} of the reply it
 * refers to, that {@code reply} and the {@code utterance} it answered. Texts are redacted as the
 * privacy settings say before they are stored.
 */
public record FeedbackReport(String reportId, long ts, String time, String robotId, String via, String reason, String comment,
                             String replyMsgId, Said reply, Said utterance) {
    public static final String VOICE = "voice";
    public static final String MQTT = "mqtt";

    public FeedbackReport {
        ensureNotBlank(reportId, "reportId");
        ensureNotBlank(time, "time");
        ensureNotBlank(robotId, "robotId");
        ensureNotBlank(via, "via");
        ensureNotBlank(reason, "reason");
        ensureNotBlank(replyMsgId, "replyMsgId");
    }
}
