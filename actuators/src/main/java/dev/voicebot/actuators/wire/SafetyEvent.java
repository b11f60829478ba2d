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
 * for a confirmation, its id.
 */
public record SafetyEvent(Decision decision, String code, List<String> reasons, Intent intent, Intent adjusted,
                          String source, String confirmationId) {
    public SafetyEvent {
        ensureNotNull(decision, "decision");
        reasons = List.copyOf(ensureNotNull(reasons, "reasons"));
        ensureNotBlank(source, "source");
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
        WATCHDOG("watchdog");

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
