package dev.voicebot.brain.llm;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to load a GGUF model into llama.cpp: the file, an optional LoRA adapter, the context size in
 * tokens, CPU threads, layers offloaded to a GPU (0 on CPU-only builds), the sampling seed (-1: random)
 * and the default temperature.
 */
public record ModelSettings(Path model, Optional<Path> lora, int contextSize, int threads, int gpuLayers, int seed, double temperature) {
    public ModelSettings {
        ensureNotNull(model, "model");
        ensureNotNull(lora, "lora");
        ensureRange(contextSize, 128, 131072, "contextSize");
        ensureRange(threads, 1, 256, "threads");
        ensureRange(gpuLayers, 0, 1000, "gpuLayers");
        ensureRange(seed, -1, Integer.MAX_VALUE, "seed");
        ensureRange(temperature, 0.0, 2.0, "temperature");
    }

    /** Small defaults for a model file: 2048 tokens of context, 2 threads, CPU only, seed 42, temperature 0.2. */
    public static ModelSettings of(Path model) {
        return new ModelSettings(model, Optional.empty(), 2048, 2, 0, 42, 0.2);
    }

    public ModelSettings withLora(Path adapter) {
        return new ModelSettings(model, Optional.of(adapter), contextSize, threads, gpuLayers, seed, temperature);
    }

    public ModelSettings withContextSize(int tokens) {
        return new ModelSettings(model, lora, tokens, threads, gpuLayers, seed, temperature);
    }

    public ModelSettings withThreads(int n) {
        return new ModelSettings(model, lora, contextSize, n, gpuLayers, seed, temperature);
    }

    public ModelSettings withTemperature(double t) {
        return new ModelSettings(model, lora, contextSize, threads, gpuLayers, seed, t);
    }
}
