package dev.voicebot.runtime.ops;

/** A step of handling an utterance whose latency {@link Metrics} records as a histogram. */
public enum Stage {
    /** From the end of speech to the utterance being cut (voice activity hangover). */
    ENDPOINTING("endpointing"),
    /** Speech recognition of one utterance. */
    ASR("asr"),
    /** The brain's routing of one utterance (fast path, or the LLM including its generation). */
    ROUTE("route"),
    /** From the prompt to the LLM's first token. */
    LLM_FIRST_TOKEN("llm_first_token"),
    /** The LLM's whole answer. */
    LLM_TOTAL("llm_total"),
    /** The safety filter on one text (user input or one sentence of a reply). */
    SAFETY("safety"),
    /** Publishing one command to the broker (until the broker has it, QoS 1). */
    PUBLISH("publish");

    private final String tag;

    Stage(String tag) {
        this.tag = tag;
    }

    /** The value of the {@code stage} label in {@code /metrics}. */
    public String tag() {
        return tag;
    }
}
