package dev.voicebot.actuators.safety;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import java.util.List;
import java.util.Optional;

/** What the {@link MotionValidator} decided about one intent. */
public sealed interface Verdict {

    /** The intent to publish, if this verdict lets one through. */
    Optional<Intent> toPublish();

    /** Within every bound: publish as it is. */
    record Accepted(Intent intent) implements Verdict {
        public Accepted {
            ensureNotNull(intent, "intent");
        }

        @Override
        public Optional<Intent> toPublish() {
            return Optional.of(intent);
        }
    }

    /** Out of some bound under the clamp policy: {@code adjusted} is sent instead, for {@code reasons}. */
    record Clamped(Intent original, Intent adjusted, List<String> reasons) implements Verdict {
        public Clamped {
            ensureNotNull(original, "original");
            ensureNotNull(adjusted, "adjusted");
            reasons = List.copyOf(reasons);
        }

        @Override
        public Optional<Intent> toPublish() {
            return Optional.of(adjusted);
        }
    }

    /** Refused: nothing is sent. */
    record Rejected(Intent intent, RefusalCode code, String reason) implements Verdict {
        public Rejected {
            ensureNotNull(intent, "intent");
            ensureNotNull(code, "code");
            ensureNotNull(reason, "reason");
        }

        @Override
        public Optional<Intent> toPublish() {
            return Optional.empty();
        }
    }

    /** Risky: nothing is sent until someone says yes to {@code pending}. */
    record NeedsConfirmation(PendingConfirmation pending) implements Verdict {
        public NeedsConfirmation {
            ensureNotNull(pending, "pending");
        }

        @Override
        public Optional<Intent> toPublish() {
            return Optional.empty();
        }
    }
}
