package dev.voicebot.brain.llm;

import dev.voicebot.brain.Responder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the configured LLM can be used: not configured (fast path only, by choice), loaded, or
 * unavailable with the reason (fast path only, and say why). See {@link LlamaResponder#load}.
 */
public sealed interface LlmAvailability {
    /** The responder for {@link dev.voicebot.brain.Router}, when loaded. */
    Optional<Responder> responder();

    /** One line for logs and the CLI. */
    String describe();

    record NotConfigured() implements LlmAvailability {
        public Optional<Responder> responder() {
            return Optional.empty();
        }

        public String describe() {
            return "no LLM configured (brain.model is null): fast-path commands only";
        }
    }

    record Loaded(LlamaResponder llm) implements LlmAvailability {
        public Optional<Responder> responder() {
            return Optional.of(llm);
        }

        public String describe() {
            return "LLM " + llm.model().name() + " loaded from " + llm.model().settings().model();
        }
    }

    record Unavailable(Path model, LlmUnavailableException reason) implements LlmAvailability {
        public Optional<Responder> responder() {
            return Optional.empty();
        }

        public String describe() {
            return "LLM unavailable, fast-path commands only: " + reason.getMessage();
        }
    }
}
