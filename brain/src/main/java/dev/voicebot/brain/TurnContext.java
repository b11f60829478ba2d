package dev.voicebot.brain;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to answer one utterance beyond its text: the conversation it belongs to, a response-style
 * fragment for the system prompt, a listener for reply sentences as they are generated (so speech can
 * start before the answer is complete), a cancel signal (barge-in) and an optional deadline that
 * overrides the configured one.
 */
public record TurnContext(String sessionId, String style, Consumer<String> onSentence, CancelSignal cancel, Optional<Duration> deadline) {
    public static final String DEFAULT_SESSION = "default";

    public TurnContext {
        ensureNotBlank(sessionId, "sessionId");
        ensureNotNull(style, "style");
        ensureNotNull(onSentence, "onSentence");
        ensureNotNull(cancel, "cancel");
        ensureNotNull(deadline, "deadline");
        deadline.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("deadline must not be negative: " + d);
            }
        });
    }

    /** The default session, no style, no sentence listener, a fresh cancel signal, the configured deadline. */
    public static TurnContext defaults() {
        return new TurnContext(DEFAULT_SESSION, "", s -> { }, new CancelSignal(), Optional.empty());
    }

    public TurnContext withSession(String id) {
        return new TurnContext(id, style, onSentence, cancel, deadline);
    }

    public TurnContext withStyle(String fragment) {
        return new TurnContext(sessionId, fragment, onSentence, cancel, deadline);
    }

    public TurnContext withSentenceListener(Consumer<String> listener) {
        return new TurnContext(sessionId, style, listener, cancel, deadline);
    }

    public TurnContext withCancel(CancelSignal signal) {
        return new TurnContext(sessionId, style, onSentence, signal, deadline);
    }

    public TurnContext withDeadline(Duration d) {
        return new TurnContext(sessionId, style, onSentence, cancel, Optional.of(d));
    }
}
