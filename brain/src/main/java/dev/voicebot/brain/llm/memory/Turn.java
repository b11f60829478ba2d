package dev.voicebot.brain.llm.memory;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

/** One exchange: what the user said, what the assistant answered (its JSON document), and their size in tokens. */
public record Turn(String user, String assistant, int tokens) {
    public Turn {
        ensureNotNull(user, "user");
        ensureNotNull(assistant, "assistant");
        ensureRange(tokens, 0, Integer.MAX_VALUE, "tokens");
    }
}
