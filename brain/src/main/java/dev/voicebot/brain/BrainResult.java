package dev.voicebot.brain;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the brain made of one utterance: the intents to validate and run, an optional reply to say,
 * the path that produced them and how long it took. An LLM answer also records when its first token
 * came ({@code firstToken}, null otherwise) and {@code notes}: what was dropped from the model's output
 * and why, or why generation stopped early.
 */
public record BrainResult(String text, String language, RoutePath path, List<Intent> intents, String reply, Duration elapsed,
                          Duration firstToken, List<String> notes) {
    public BrainResult {
        ensureNotNull(text, "text");
        ensureNotNull(language, "language");
        ensureNotNull(path, "path");
        intents = List.copyOf(ensureNotNull(intents, "intents"));
        ensureNotNull(elapsed, "elapsed");
        notes = List.copyOf(ensureNotNull(notes, "notes"));
    }

    /** A result without first-token time or notes (the fast path, the no-model fallback). */
    public BrainResult(String text, String language, RoutePath path, List<Intent> intents, String reply, Duration elapsed) {
        this(text, language, path, intents, reply, elapsed, null, List.of());
    }

    public Optional<String> replyText() {
        return Optional.ofNullable(reply);
    }

    /** Time from the start of the LLM call to its first generated token, when there was one. */
    public Optional<Duration> firstTokenTime() {
        return Optional.ofNullable(firstToken);
    }
}
