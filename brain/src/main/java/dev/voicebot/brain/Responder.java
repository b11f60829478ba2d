package dev.voicebot.brain;

import java.util.Optional;

/**
 * The slow path behind the fast-path grammar: something that answers an utterance the grammar does
 * not cover (the local LLM). Implementations are {@link AutoCloseable} because they hold native models.
 */
public interface Responder extends AutoCloseable {
    /** Answers {@code text}, spoken in {@code language}; empty when it has no answer. */
    Optional<BrainResult> respond(String text, String language);

    @Override
    void close();
}
