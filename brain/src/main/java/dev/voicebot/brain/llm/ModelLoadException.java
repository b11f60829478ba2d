package dev.voicebot.brain.llm;

import java.nio.file.Path;

/** llama.cpp refused a model (or adapter) that passed the Java checks, for example an unknown architecture. */
public final class ModelLoadException extends LlmUnavailableException {
    private final Path file;

    public ModelLoadException(Path file, String detail, Throwable cause) {
        super("llama.cpp could not load the model " + file + ": " + detail, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
