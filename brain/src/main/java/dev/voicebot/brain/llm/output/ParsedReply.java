package dev.voicebot.brain.llm.output;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import java.util.List;

/**
 * A model's answer after validation: the reply to say ({@code ""} when there is none), the intents
 * that passed every check, and what was dropped and why. When any intent is rejected, none run.
 */
public record ParsedReply(String reply, List<Intent> intents, List<Rejection> rejections) {
    public ParsedReply {
        ensureNotNull(reply, "reply");
        intents = List.copyOf(ensureNotNull(intents, "intents"));
        rejections = List.copyOf(ensureNotNull(rejections, "rejections"));
    }

    static ParsedReply rejected(Rejection why) {
        return new ParsedReply("", List.of(), List.of(why));
    }

    public boolean isClean() {
        return rejections.isEmpty();
    }
}
