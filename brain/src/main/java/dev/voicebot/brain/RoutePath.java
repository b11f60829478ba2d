package dev.voicebot.brain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which path produced a result: the deterministic grammar, the LLM, or neither. */
public enum RoutePath {
    FAST("fast"), LLM("llm"), NONE("none");

    private final String wire;

    RoutePath(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
