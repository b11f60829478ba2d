package dev.voicebot.actuators.safety;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.SafetyEvent;
import java.util.Optional;

/** What {@link MotionSafety} did with one request. */
public sealed interface SafetyOutcome {

    /** The safety event published for it, if any (a plain accepted command has none). */
    Optional<SafetyEvent> event();

    /** Published on the command topic; {@code event} says what was clamped, if anything. */
    record Sent(Envelope<Intent> envelope, Verdict verdict, Optional<SafetyEvent> event) implements SafetyOutcome {
    }

    /** Not published; {@code event} says why. */
    record Refused(SafetyEvent eventValue) implements SafetyOutcome {
        @Override
        public Optional<SafetyEvent> event() {
            return Optional.of(eventValue);
        }
    }

    /** Not published yet: waits for a "yes" to {@code pending}. */
    record AwaitingConfirmation(PendingConfirmation pending, SafetyEvent eventValue) implements SafetyOutcome {
        @Override
        public Optional<SafetyEvent> event() {
            return Optional.of(eventValue);
        }
    }

    /** A safety action that publishes no command: an e-stop engaged or reset, a confirmation declined. */
    record Noted(SafetyEvent eventValue) implements SafetyOutcome {
        @Override
        public Optional<SafetyEvent> event() {
            return Optional.of(eventValue);
        }
    }
}
