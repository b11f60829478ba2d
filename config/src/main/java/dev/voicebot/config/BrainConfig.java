package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureRange;

import java.nio.file.Path;

/** The local LLM behind the fast path. {@code model} is a GGUF file; null means fast path only. */
public record BrainConfig(
        Path model,
        int contextSize,
        int threads,
        int gpuLayers,
        int seed,
        double temperature,
        Path lora) {

    public BrainConfig {
        ensureRange(contextSize, 128, 131072, "contextSize");
        ensureRange(threads, 1, 256, "threads");
        ensureRange(gpuLayers, 0, 1000, "gpuLayers");
        ensureRange(temperature, 0.0, 2.0, "temperature");
    }
}
