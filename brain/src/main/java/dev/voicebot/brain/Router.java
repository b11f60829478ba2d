package dev.voicebot.brain;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Fast path first (deterministic, no model); the {@link Responder} only for what the grammar does not
 * cover; without one, an honest reply that the robot only follows commands right now.
 */
public final class Router {
    private final FastPathGrammar grammar;
    private final Optional<Responder> responder;

    public Router(FastPathGrammar grammar, Optional<Responder> responder) {
        this.grammar = ensureNotNull(grammar, "grammar");
        this.responder = ensureNotNull(responder, "responder");
    }

    /** Routes typed text; the language is guessed from its script. */
    public BrainResult route(String text) {
        return route(text, Languages.guess(text));
    }

    /** Routes text whose language is known (for example from speech recognition). */
    public BrainResult route(String text, String language) {
        return route(text, language, TurnContext.defaults());
    }

    /**
     * Routes text within a conversation: {@code context} carries the session, the response style, the
     * listener for streamed reply sentences, the barge-in signal and the deadline for the responder.
     */
    public BrainResult route(String text, String language, TurnContext context) {
        ensureNotNull(context, "context");
        long start = System.nanoTime();
        String trimmed = text.strip();
        Optional<List<Intent>> fast = grammar.parse(trimmed);
        if (fast.isPresent()) {
            return new BrainResult(trimmed, language, RoutePath.FAST, fast.get(), null, since(start));
        }
        if (responder.isPresent() && !trimmed.isEmpty()) {
            Optional<BrainResult> answer = responder.get().respond(trimmed, language, context);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        String reply = trimmed.isEmpty() ? null : onlyCommandsReply(language);
        return new BrainResult(trimmed, language, RoutePath.NONE, List.of(), reply, since(start));
    }

    static String onlyCommandsReply(String language) {
        return switch (language) {
            case "ko" -> "죄송해요, 지금은 \"앞으로 1미터 가\"나 \"멈춰\" 같은 명령만 따를 수 있어요.";
            default -> "Sorry, right now I can only follow commands like \"move forward one meter\" or \"stop\".";
        };
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
