package dev.voicebot.actuators.wire;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.voicebot.actuators.intent.Intent;
import java.util.List;

/**
 * A safety decision, published on {@code robot/{id}/safety/events}: what was asked ({@code intent}),
 * what was done ({@code decision}), the machine-readable {@code code} of a refusal, the reasons in
 * words, the intent actually sent after clamping ({@code adjusted}), who asked ({@code source}) and,
 * for a confirmation, its id. A decision of the word filter ({@code allowed}, {@code rewritten},
 * {@code blocked}) carries {@code words} instead of an intent: which direction, the categories found,
 * the score and the text (personal data already redacted where the privacy settings say so).
 */
public record SafetyEvent(Decision decision, String code, List<String> reasons, Intent intent, Intent adjusted,
                          String source, String confirmationId, Words words) {
    public SafetyEvent {
        ensureNotNull(decision, "decision");
        reasons = List.copyOf(ensureNotNull(reasons, "reasons"));
        ensureNotBlank(source, "source");
    }

    /** A motion decision (no word-filter part). */
    public SafetyEvent(Decision decision, String code, List<String> reasons, Intent intent, Intent adjusted,
                       String source, String confirmationId) {
        this(decision, code, reasons, intent, adjusted, source, confirmationId, null);
    }

    /**
     * What the word filter decided about one text: {@code direction} {@code input} (what a person said)
     * or {@code output} (what the robot was about to say), its {@code language}, the {@code categories}
     * that counted, the {@code score} (0 harmless to 1), the {@code text} checked and, for a rewrite or
     * block, the {@code replacement} said instead. {@code text} is left out (null) where what people
     * said must not be published ({@code privacy.publishTranscripts: false}).
     */
    public record Words(String direction, String language, List<String> categories, double score, String text, String replacement) {
        public Words {
            ensureNotBlank(direction, "direction");
            categories = List.copyOf(ensureNotNull(categories, "categories"));
        }

        /** The same decision without the checked text. */
        public Words withoutText() {
            return new Words(direction, language, categories, score, null, replacement);
        }
    }

    /** All reasons as one sentence. */
    public String reasonText() {
        return String.join("; ", reasons);
    }

    public enum Decision {
        CLAMPED("clamped"),
        REJECTED("rejected"),
        NEEDS_CONFIRMATION("needs-confirmation"),
        CONFIRMED("confirmed"),
        DECLINED("declined"),
        EXPIRED("expired"),
        DROPPED("dropped"),
        ESTOP_ENGAGED("estop-engaged"),
        ESTOP_RESET("estop-reset"),
        ESTOP_RESET_REFUSED("estop-reset-refused"),
        WATCHDOG("watchdog"),
        /** Word filter: the text passes as it is. */
        ALLOWED("allowed"),
        /** Word filter: a softened text is said instead. */
        REWRITTEN("rewritten"),
        /** Word filter: the text is not passed on; a safe reply is said instead. */
        BLOCKED("blocked");

        private final String wire;

        Decision(String wire) {
            this.wire = wire;
        }

        @JsonValue
        public String wire() {
            return wire;
        }
    }
}
