package dev.voicebot.brain;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the brain made of one utterance: the intents to validate and run, an optional reply to say,
 * the path that produced them and how long it took.
 */
public record BrainResult(String text, String language, RoutePath path, List<Intent> intents, String reply, Duration elapsed) {
    public BrainResult {
        ensureNotNull(text, "text");
        ensureNotNull(language, "language");
        ensureNotNull(path, "path");
        intents = List.copyOf(ensureNotNull(intents, "intents"));
        ensureNotNull(elapsed, "elapsed");
    }

    public Optional<String> replyText() {
        return Optional.ofNullable(reply);
    }
}
