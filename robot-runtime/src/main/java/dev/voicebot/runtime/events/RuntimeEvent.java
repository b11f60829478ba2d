package dev.voicebot.runtime.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.wire.Ack;
import dev.voicebot.actuators.wire.RobotState;
import java.util.List;

/**
 * What {@code robot run --json} prints, one JSON object per line, with an {@code "event"} field naming
 * the kind. docs/protocol.md lists every kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RuntimeEvent.Ready.class, name = "ready"),
    @JsonSubTypes.Type(value = RuntimeEvent.Utterance.class, name = "utterance"),
    @JsonSubTypes.Type(value = RuntimeEvent.Intents.class, name = "intents"),
    @JsonSubTypes.Type(value = RuntimeEvent.Reply.class, name = "reply"),
    @JsonSubTypes.Type(value = RuntimeEvent.CommandPublished.class, name = "command"),
    @JsonSubTypes.Type(value = RuntimeEvent.CommandAck.class, name = "ack"),
    @JsonSubTypes.Type(value = RuntimeEvent.StateChanged.class, name = "state"),
    @JsonSubTypes.Type(value = RuntimeEvent.Error.class, name = "error"),
    @JsonSubTypes.Type(value = RuntimeEvent.Stopped.class, name = "stopped"),
    @JsonSubTypes.Type(value = RuntimeEvent.Safety.class, name = "safety"),
    @JsonSubTypes.Type(value = RuntimeEvent.Feedback.class, name = "feedback"),
    @JsonSubTypes.Type(value = RuntimeEvent.Transcript.class, name = "transcript"),
    @JsonSubTypes.Type(value = RuntimeEvent.Heard.class, name = "heard"),
    @JsonSubTypes.Type(value = RuntimeEvent.Timings.class, name = "timings"),
    @JsonSubTypes.Type(value = RuntimeEvent.Speaking.class, name = "speaking"),
    @JsonSubTypes.Type(value = RuntimeEvent.Notice.class, name = "notice"),
})
public sealed interface RuntimeEvent {
    /** The runtime is up: broker reachable, simulator (if any) running; {@code webUrl} the live web view, if served. */
    record Ready(String robotId, String brokerUri, boolean embeddedBroker, boolean simulator, String webUrl, Integer httpPort,
                 String httpUri) implements RuntimeEvent {
        public Ready(String robotId, String brokerUri, boolean embeddedBroker, boolean simulator) {
            this(robotId, brokerUri, embeddedBroker, simulator, null, null, null);
        }

        public Ready withWebUrl(String url) {
            return new Ready(robotId, brokerUri, embeddedBroker, simulator, url, httpPort, httpUri);
        }

        /** The same event with the operations endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}); null when switched off. */
        public Ready withHttp(Integer port, String uri) {
            return new Ready(robotId, brokerUri, embeddedBroker, simulator, webUrl, port, uri);
        }
    }

    /** Something was typed or heard. */
    record Utterance(String text, String language, String source) implements RuntimeEvent {
    }

    /** What the brain made of an utterance. */
    record Intents(String text, String language, String path, List<Intent> intents, double elapsedMs) implements RuntimeEvent {
    }

    /** What the robot says back. */
    record Reply(String text, String language, String msgId) implements RuntimeEvent {
        /** {@code msgId}: the reply's message on {@code robot/{id}/reply}, which a report can name. */
        public Reply(String text, String language) {
            this(text, language, null);
        }
    }

    /** A command went out on the bus. */
    record CommandPublished(String msgId, String topic, Intent intent) implements RuntimeEvent {
    }

    /** A controller acknowledged a command. */
    record CommandAck(String commandId, String status, String reason) implements RuntimeEvent {
        public static CommandAck of(Ack ack) {
            return new CommandAck(ack.commandId(), ack.status().wire(), ack.reason());
        }
    }

    /** The robot's activity, pose or gesture changed. */
    record StateChanged(double x, double y, double headingDeg, String activity, String pose, String gesture, int queued)
            implements RuntimeEvent {
        public static StateChanged of(RobotState s) {
            return new StateChanged(round(s.x()), round(s.y()), round(s.headingDeg()), s.activity().wire(), s.pose(), s.gesture(), s.queued());
        }

        private static double round(double v) {
            return Math.round(v * 1000.0) / 1000.0;
        }
    }

    /** Something failed; the runtime goes on. */
    record Error(String source, String message) implements RuntimeEvent {
    }

    /** The runtime is shutting down. */
    record Stopped(String reason) implements RuntimeEvent {
    }

    /**
     * A motion-safety decision (clamped, rejected, needs-confirmation, e-stop, ...): {@code reason} says
     * what and why in words, {@code code} is the stable refusal code, {@code adjusted} what was sent instead.
     */
    record Safety(String decision, String code, String reason, Intent intent, Intent adjusted, String source,
                  String confirmationId, dev.voicebot.actuators.wire.SafetyEvent.Words words) implements RuntimeEvent {
        /** A motion decision; {@code words} is set for a word-filter decision (allowed, rewritten, blocked). */
        public Safety(String decision, String code, String reason, Intent intent, Intent adjusted, String source, String confirmationId) {
            this(decision, code, reason, intent, adjusted, source, confirmationId, null);
        }

        public static Safety of(dev.voicebot.actuators.wire.SafetyEvent e) {
            return new Safety(e.decision().wire(), e.code(), e.reasonText(), e.intent(), e.adjusted(), e.source(), e.confirmationId(),
                    e.words());
        }
    }

    /**
     * A person reported a reply ({@code via} voice or mqtt); {@code stored}: written to the feedback
     * store. A refused report is an {@link Error} from source {@code feedback}.
     */
    record Feedback(String reportId, String via, String reason, String replyMsgId, boolean stored) implements RuntimeEvent {
    }

    /**
     * Whisper heard an utterance of spoken input ({@code source} mic, wav or stdin); times are ms of audio
     * from the start of the input; {@code languageProbability} null when the language was not identified.
     * {@code timings}: ms per stage so far (endpointing, asr).
     */
    record Transcript(String text, String language, Double languageProbability, long startMs, long endMs, String source,
                      java.util.Map<String, Double> timings) implements RuntimeEvent {
    }

    /**
     * Something the speech input noticed besides a transcript: {@code kind} is {@code speech} (an utterance
     * found without a model to transcribe it), {@code rejected} (no usable text; {@code detail} says why),
     * {@code stop} (the fast stop path heard a stop word), {@code barge-in} (the person spoke over the robot).
     */
    record Heard(String kind, long startMs, long endMs, String detail) implements RuntimeEvent {
    }

    /** Where the time of one spoken utterance went: ms per stage (endpointing, asr, safety, brain, publish, total). */
    record Timings(long startMs, long endMs, java.util.Map<String, Double> stagesMs) implements RuntimeEvent {
    }

    /** Speech output started ({@code speaking}) or stopped ({@code interrupted}: cut off by barge-in or a stop). */
    record Speaking(boolean speaking, String text, String language, boolean interrupted) implements RuntimeEvent {
    }

    /** Something a person running the robot should know (for example that speech recognition is off and how to switch it on). */
    record Notice(String source, String message) implements RuntimeEvent {
    }
}
