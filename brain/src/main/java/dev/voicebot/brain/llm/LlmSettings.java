package dev.voicebot.brain.llm;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.actuators.intent.IntentKind;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import dev.voicebot.config.BrainConfig;
import dev.voicebot.config.InvalidValueException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a {@link LlamaResponder} needs: how to load the model, the persona and a default style
 * fragment for the system prompt, the token budget of one reply (kept free in the context), the deadline,
 * the conversation memory bounds, the commands the model may propose (by default all but {@code speak}:
 * the reply is what the robot says), at most how many per answer, and whether output is constrained by a
 * JSON-schema grammar (it is validated either way).
 */
public record LlmSettings(ModelSettings model, String persona, String style, int maxReplyTokens, Duration deadline,
                          int memoryTokens, Duration memoryIdleReset, CommandVocabulary vocabulary, int maxIntents,
                          boolean constrained) {

    public static final String DEFAULT_PERSONA = "You are a friendly humanoid robot that talks with people and moves when asked. "
            + "You are kind, brief and honest about what you can and cannot do.";

    public LlmSettings {
        ensureNotNull(model, "model");
        ensureNotBlank(persona, "persona");
        ensureNotNull(style, "style");
        ensureRange(maxReplyTokens, 16, model.contextSize() / 2, "maxReplyTokens");
        ensureRange(deadline, Duration.ZERO, Duration.ofHours(1), "deadline");
        ensureRange(memoryTokens, 0, Integer.MAX_VALUE, "memoryTokens");
        ensureRange(memoryIdleReset, Duration.ofMillis(1), Duration.ofDays(365), "memoryIdleReset");
        ensureNotNull(vocabulary, "vocabulary");
        ensureRange(maxIntents, 0, 16, "maxIntents");
    }

    /** Settings from the {@code brain:} configuration; its {@code model} must be set. */
    public static LlmSettings from(BrainConfig c) {
        if (c.model() == null) {
            throw new InvalidValueException("brain.model", null, "a GGUF model file");
        }
        ModelSettings m = new ModelSettings(c.model(), Optional.ofNullable(c.lora()), c.contextSize(), c.threads(), c.gpuLayers(),
                c.seed(), c.temperature());
        return new LlmSettings(m, c.persona(), "", c.maxReplyTokens(), c.deadline(), c.memory().maxTokens(), c.memory().idleReset(),
                defaultVocabulary(), 4, true);
    }

    /** Defaults for a model file: 2048 tokens of context, 256-token replies, 20 s deadline, 1024 tokens of memory reset after 5 minutes. */
    public static LlmSettings defaults(Path modelFile) {
        return new LlmSettings(ModelSettings.of(modelFile), DEFAULT_PERSONA, "", 256, Duration.ofSeconds(20), 1024,
                Duration.ofMinutes(5), defaultVocabulary(), 4, true);
    }

    /** Every command but {@code speak}. */
    public static CommandVocabulary defaultVocabulary() {
        return CommandVocabulary.all().without(IntentKind.SPEAK);
    }

    public LlmSettings withModel(ModelSettings m) {
        return new LlmSettings(m, persona, style, maxReplyTokens, deadline, memoryTokens, memoryIdleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withPersona(String p) {
        return new LlmSettings(model, p, style, maxReplyTokens, deadline, memoryTokens, memoryIdleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withStyle(String s) {
        return new LlmSettings(model, persona, s, maxReplyTokens, deadline, memoryTokens, memoryIdleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withMaxReplyTokens(int n) {
        return new LlmSettings(model, persona, style, n, deadline, memoryTokens, memoryIdleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withDeadline(Duration d) {
        return new LlmSettings(model, persona, style, maxReplyTokens, d, memoryTokens, memoryIdleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withMemory(int tokens, Duration idleReset) {
        return new LlmSettings(model, persona, style, maxReplyTokens, deadline, tokens, idleReset, vocabulary, maxIntents, constrained);
    }

    public LlmSettings withVocabulary(CommandVocabulary v) {
        return new LlmSettings(model, persona, style, maxReplyTokens, deadline, memoryTokens, memoryIdleReset, v, maxIntents, constrained);
    }

    /** Without the JSON-schema grammar: the model may write anything, which validation then judges. */
    public LlmSettings unconstrained() {
        return new LlmSettings(model, persona, style, maxReplyTokens, deadline, memoryTokens, memoryIdleReset, vocabulary, maxIntents, false);
    }
}
