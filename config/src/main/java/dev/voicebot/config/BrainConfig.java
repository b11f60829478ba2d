package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The local LLM behind the fast path. {@code model} is a GGUF file; null means fast path only.
 * {@code seed} -1 means a new random seed per load. {@code maxReplyTokens} bounds one answer and is kept
 * free in the context; {@code deadline} stops a generation that takes longer; {@code persona} opens the
 * system prompt; {@code memory} bounds the conversation kept per session.
 */
public record BrainConfig(
        Path model,
        int contextSize,
        int threads,
        int gpuLayers,
        int seed,
        double temperature,
        Path lora,
        String persona,
        int maxReplyTokens,
        Duration deadline,
        Memory memory) {

    public BrainConfig {
        ensureRange(contextSize, 128, 131072, "contextSize");
        ensureRange(threads, 1, 256, "threads");
        ensureRange(gpuLayers, 0, 1000, "gpuLayers");
        ensureRange(seed, -1, Integer.MAX_VALUE, "seed");
        ensureRange(temperature, 0.0, 2.0, "temperature");
        ensureNotBlank(persona, "persona");
        ensureRange(maxReplyTokens, 16, Math.max(16, contextSize / 2), "maxReplyTokens");
        ensureRange(deadline, Duration.ofMillis(100), Duration.ofMinutes(10), "deadline");
        ensureNotNull(memory, "memory");
    }

    /** The same settings with another model file (for example from {@code --model}). */
    public BrainConfig withModel(Path file) {
        return new BrainConfig(file, contextSize, threads, gpuLayers, seed, temperature, lora, persona, maxReplyTokens, deadline, memory);
    }

    /** The same settings with another persona (for example from {@code robot chat --persona}). */
    public BrainConfig withPersona(String text) {
        return new BrainConfig(model, contextSize, threads, gpuLayers, seed, temperature, lora, text, maxReplyTokens, deadline, memory);
    }

    /**
     * Conversation memory per session: at most {@code maxTokens} tokens of past turns (oldest dropped
     * first), forgotten after {@code idleReset} without an utterance.
     */
    public record Memory(int maxTokens, Duration idleReset) {
        public Memory {
            ensureRange(maxTokens, 0, 131072, "maxTokens");
            ensureRange(idleReset, Duration.ofSeconds(1), Duration.ofDays(7), "idleReset");
        }
    }
}
