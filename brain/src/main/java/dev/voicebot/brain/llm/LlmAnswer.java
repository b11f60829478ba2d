package dev.voicebot.brain.llm;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.RoutePath;
import dev.voicebot.brain.llm.output.Rejection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One LLM turn in full: the utterance, the reply said ({@code ""} when none), the intents that passed
 * validation, what was rejected and why, why generation stopped, time to the first token (from the
 * start of the turn, null when no token came) and in total, prompt and generated token counts, how many
 * past turns the prompt carried, the rendered prompt (empty when none was sent) and the raw model output.
 */
public record LlmAnswer(String text, String language, String reply, List<Intent> intents, List<Rejection> rejections,
                        StopReason stop, Duration firstToken, Duration total, int promptTokens, int generatedTokens,
                        int historyTurns, String prompt, String output) {

    /** Why the turn ended. */
    public enum StopReason {
        /** The model finished its answer. */
        FINISHED("finished"),
        /** The reply token budget ran out before the answer was complete. */
        TOKEN_LIMIT("token limit reached"),
        /** The caller cancelled (barge-in). */
        CANCELLED("cancelled: the user spoke again"),
        /** The deadline passed. */
        DEADLINE("deadline passed"),
        /** The utterance alone does not fit the context; nothing was generated. */
        PROMPT_TOO_LONG("utterance too long for the model's context"),
        /** llama.cpp reported an error. */
        ERROR("generation failed");

        private final String description;

        StopReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public LlmAnswer {
        ensureNotNull(text, "text");
        ensureNotNull(language, "language");
        ensureNotNull(reply, "reply");
        intents = List.copyOf(ensureNotNull(intents, "intents"));
        rejections = List.copyOf(ensureNotNull(rejections, "rejections"));
        ensureNotNull(stop, "stop");
        ensureNotNull(total, "total");
        ensureNotNull(prompt, "prompt");
        ensureNotNull(output, "output");
    }

    public Optional<Duration> firstTokenTime() {
        return Optional.ofNullable(firstToken);
    }

    /** Human-readable notes: why generation stopped early (if it did) and every rejection. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (stop != StopReason.FINISHED) {
            notes.add("stopped: " + stop.description());
        }
        rejections.forEach(r -> notes.add("dropped: " + r.describe()));
        return notes;
    }

    /** This turn as the router's result: path {@code llm}, the valid intents, the reply, timings and notes. */
    public BrainResult toBrainResult() {
        return new BrainResult(text, language, RoutePath.LLM, intents, reply.isBlank() ? null : reply, total, firstToken, notes());
    }
}
