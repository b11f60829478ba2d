package dev.voicebot.brain;

import java.util.Optional;

/**
 * The slow path behind the fast-path grammar: something that answers an utterance the grammar does
 * not cover (the local LLM). Implementations are {@link AutoCloseable} because they hold native models.
 */
public interface Responder extends AutoCloseable {
    /** Answers {@code text}, spoken in {@code language}; empty when it has no answer. */
    Optional<BrainResult> respond(String text, String language);

    /**
     * Answers within a conversation, with streaming, style, cancellation and deadline from {@code context}.
     * Responders that support none of these answer as {@link #respond(String, String)} does.
     */
    default Optional<BrainResult> respond(String text, String language, TurnContext context) {
        return respond(text, language);
    }

    @Override
    void close();
}
