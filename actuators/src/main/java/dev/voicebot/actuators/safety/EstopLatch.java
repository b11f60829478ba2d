package dev.voicebot.actuators.safety;

import dev.voicebot.actuators.wire.Estop;
import dev.voicebot.config.Secret;
import java.util.Optional;

/**
 * The emergency-stop latch, the same logic in the runtime and in every motor controller. Any
 * {@code engaged: true} signal latches it, and so does a reset whose token does not verify. It opens again only on a reset that carries the configured
 * token, or through {@link #resetLocally} by the process itself (its command line). Without a token,
 * {@code acceptUnverifiedResets} decides: the runtime refuses every reset from the bus, a controller
 * started without a token follows the runtime (whose resets it cannot check; protect the topic with an ACL).
 */
public final class EstopLatch {
    private final Optional<Secret> token;
    private final boolean acceptUnverifiedResets;
    private boolean engaged;
    private Estop cause;

    /** What a signal did to the latch. */
    public sealed interface Change {
        record Engaged(Estop signal) implements Change {
        }

        record Reset(Estop signal) implements Change {
        }

        record ResetRefused(Estop signal, String reason) implements Change {
        }

        record Unchanged() implements Change {
        }
    }

    public EstopLatch(Optional<Secret> token, boolean acceptUnverifiedResets) {
        this.token = token == null ? Optional.empty() : token;
        this.acceptUnverifiedResets = acceptUnverifiedResets;
    }

    /** A signal from the bus. */
    public synchronized Change onSignal(Estop signal) {
        if (signal.engaged()) {
            if (engaged) {
                return new Change.Unchanged();
            }
            engaged = true;
            cause = signal;
            return new Change.Engaged(signal);
        }
        if (!engaged) {
            boolean forged = signal.token() != null
                    && (token.isPresent() ? !token.get().matches(signal.token()) : !acceptUnverifiedResets);
            if (!forged) {
                return new Change.Unchanged();
            }
            // A reset with a token that does not verify: someone tried to lift an e-stop they may not lift.
            // (A retained one can outlive the runtime's correction, so at start-up it must latch, not pass.)
            engaged = true;
            cause = Estop.engage(signal.source(), "a reset with a reset token that does not verify");
            return new Change.ResetRefused(signal, "reset from '" + signal.source() + "' refused: its reset token does not verify; "
                    + "the emergency stop is engaged until an authorised reset");
        }
        if (token.isPresent()) {
            if (token.get().matches(signal.token())) {
                return open(signal);
            }
            return new Change.ResetRefused(signal, "reset from '" + signal.source() + "' refused: "
                    + (signal.token() == null ? "it carries no reset token" : "wrong reset token"));
        }
        if (acceptUnverifiedResets) {
            return open(signal);
        }
        return new Change.ResetRefused(signal, "reset from '" + signal.source() + "' refused: resets over MQTT are disabled "
                + "(motion.estop.resetToken is not set); reset it from the robot's own command line");
    }

    /** Engages the latch from this process. */
    public synchronized Change engage(String source, String reason) {
        return onSignal(Estop.engage(source, reason));
    }

    /** Opens the latch from this process (its command line or web view): always authorised. */
    public synchronized Change resetLocally(String source) {
        if (!engaged) {
            return new Change.Unchanged();
        }
        return open(Estop.reset(source, "reset by " + source, null));
    }

    private Change open(Estop signal) {
        engaged = false;
        cause = null;
        return new Change.Reset(signal);
    }

    public synchronized boolean engaged() {
        return engaged;
    }

    /** The signal that engaged the latch, while it is engaged. */
    public synchronized Optional<Estop> cause() {
        return Optional.ofNullable(cause);
    }
}
