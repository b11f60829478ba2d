package dev.voicebot.runtime.feedback;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.runtime.privacy.PrivacyPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes reports about replies: spoken ("that was rude", "그 말 기분 나빠", "신고할게"), which refer
 * to the robot's latest reply, and sent on {@code robot/{id}/feedback} naming a reply's {@code msgId}.
 * Each accepted report is stored with the reply and the utterance it answered. A malformed or
 * unknown report is refused with a reason; nothing here throws at the caller.
 */
public final class FeedbackService {
    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);
    /** A spoken report refers to the latest reply only if it came this recently. */
    public static final Duration VOICE_WINDOW = Duration.ofMinutes(10);

    /** Hears what became of reports: accepted (stored) or refused (why). Called on the caller's or the bus's thread. */
    public interface Listener {
        void accepted(FeedbackReport report);

        void refused(String why);
    }

    private final Optional<FeedbackStore> store;
    private final RecentReplies replies;
    private final ReportDetector detector;
    private final PrivacyPolicy privacy;
    private final String robotId;
    private final Listener listener;
    private final Clock clock;
    private final ObjectMapper json = WireJson.newMapper();

    /** {@code store} empty: reports are acknowledged and announced but not kept (no data directory). */
    public FeedbackService(Optional<FeedbackStore> store, RecentReplies replies, ReportDetector detector, PrivacyPolicy privacy,
                           String robotId, Listener listener, Clock clock) {
        this.store = ensureNotNull(store, "store");
        this.replies = ensureNotNull(replies, "replies");
        this.detector = ensureNotNull(detector, "detector");
        this.privacy = ensureNotNull(privacy, "privacy");
        this.robotId = ensureNotBlank(robotId, "robotId");
        this.listener = ensureNotNull(listener, "listener");
        this.clock = ensureNotNull(clock, "clock");
    }

    /**
     * Remembers a reply the robot published as message {@code msgId}, so that it can be reported. Texts
     * are kept as the privacy settings allow them to be stored.
     */
    public void rememberReply(String msgId, String reply, String replyLanguage, String utterance, String utteranceLanguage) {
        if (msgId == null || msgId.isBlank() || reply == null) {
            return;
        }
        replies.add(new RecentReplies.Entry(msgId, clock.instant(), new Said(privacy.clean(reply), replyLanguage),
                new Said(privacy.clean(utterance), utteranceLanguage)));
    }

    /**
     * If {@code text} is a spoken report about the latest reply (given within {@link #VOICE_WINDOW}),
     * stores it and returns what the robot says back in {@code language}; otherwise empty, and the
     * utterance goes on to the brain.
     */
    public Optional<String> onUtterance(String text, String language) {
        Optional<ReportDetector.Report> heard = detector.detect(text);
        if (heard.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RecentReplies.Entry> latest = replies.latest().filter(e -> !e.at().isBefore(now.minus(VOICE_WINDOW)));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        RecentReplies.Entry entry = latest.get();
        boolean stored = accept(new FeedbackReport(UUID.randomUUID().toString(), now.toEpochMilli(), now.toString(), robotId,
                FeedbackReport.VOICE, heard.get().reason(), privacy.clean(text), entry.msgId(), entry.reply(), entry.utterance()));
        return Optional.of(acknowledgement(language, stored));
    }

    /** Handles one message on {@code robot/{id}/feedback}: validated, matched to a recent reply, stored. */
    public void onMessage(BusMessage message) {
        Envelope<FeedbackRequest> envelope;
        try {
            envelope = json.readValue(message.payload(), new TypeReference<Envelope<FeedbackRequest>>() { });
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            listener.refused("malformed report on " + message.topic() + ": " + firstLine(why)
                    + "; expected {\"schemaVersion\":1,\"msgId\",\"ts\",\"robotId\",\"payload\":{\"replyMsgId\",\"reason\"?,\"comment\"?}}");
            return;
        }
        if (!robotId.equals(envelope.robotId())) {
            listener.refused("report on " + message.topic() + " names robot '" + envelope.robotId() + "', not '" + robotId + "'");
            return;
        }
        FeedbackRequest request = envelope.payload();
        Optional<RecentReplies.Entry> entry = replies.find(request.replyMsgId());
        if (entry.isEmpty()) {
            listener.refused("report " + envelope.msgId() + " names reply " + request.replyMsgId()
                    + ", which is not among the last " + replies.capacity() + " replies of this run");
            return;
        }
        Instant now = clock.instant();
        accept(new FeedbackReport(UUID.randomUUID().toString(), now.toEpochMilli(), now.toString(), robotId, FeedbackReport.MQTT,
                request.reason() == null ? "report" : request.reason(), privacy.clean(request.comment()), request.replyMsgId(),
                entry.get().reply(), entry.get().utterance()));
    }

    private boolean accept(FeedbackReport report) {
        boolean stored = false;
        if (store.isPresent()) {
            try {
                store.get().append(report);
                stored = true;
            } catch (IOException | RuntimeException e) {
                log.error("report {} about reply {} not stored in {}", report.reportId(), report.replyMsgId(), store.get(), e);
                listener.refused("report about reply " + report.replyMsgId() + " could not be stored: " + e);
            }
        }
        listener.accepted(report);
        return stored;
    }

    /** What the robot says after a spoken report. */
    static String acknowledgement(String language, boolean stored) {
        if ("ko".equals(language)) {
            return stored ? "알려 주셔서 고마워요. 방금 한 말을 기록해 두었어요. 불편하게 해 드려서 죄송해요."
                    : "알려 주셔서 고마워요. 불편하게 해 드려서 죄송해요.";
        }
        return stored ? "Thank you for telling me. I have noted that reply so it can be reviewed, and I am sorry it upset you."
                : "Thank you for telling me, and I am sorry it upset you.";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
