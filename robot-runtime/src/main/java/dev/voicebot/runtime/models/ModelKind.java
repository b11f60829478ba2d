package dev.voicebot.runtime.models;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a model is for, and so which configuration key takes it and which file format it must have. */
public enum ModelKind {
    /** Speech recognition: a whisper.cpp ggml file for {@code speech.model}. */
    WHISPER("whisper", "speech.model", FileFormat.GGML),
    /** Conversation: a llama.cpp GGUF file for {@code brain.model}. */
    LLM("llm", "brain.model", FileFormat.GGUF);

    private final String wire;
    private final String configKey;
    private final FileFormat format;

    ModelKind(String wire, String configKey, FileFormat format) {
        this.wire = wire;
        this.configKey = configKey;
        this.format = format;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** The configuration key that points the runtime at a file of this kind. */
    public String configKey() {
        return configKey;
    }

    /** The {@code ROBOT_...} variable for {@link #configKey()}. */
    public String environmentVariable() {
        return "ROBOT_" + configKey.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public FileFormat format() {
        return format;
    }

    @JsonCreator
    public static ModelKind of(String text) {
        for (ModelKind k : values()) {
            if (k.wire.equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + text + "'; use whisper or llm");
    }
}
