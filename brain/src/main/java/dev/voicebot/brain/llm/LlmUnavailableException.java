package dev.voicebot.brain.llm;

/**
 * The configured LLM cannot be used: its file was refused before native code saw it
 * ({@link dev.voicebot.brain.llm.gguf.ModelFileException}) or llama.cpp refused to load it
 * ({@link ModelLoadException}). The runtime then keeps working with the fast path alone.
 */
public abstract class LlmUnavailableException extends RuntimeException {
    protected LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
