package dev.voicebot.brain.llm.output;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;

/**
 * The JSON schema of a model's answer, generated from the command vocabulary:
 * {@code {"reply": <text>, "intents": [<at most maxIntents commands>]}}, closed, both keys required
 * and in that order (so the reply streams first). llama.cpp turns it into a grammar that constrains sampling.
 */
public final class ReplySchema {
    private final CommandVocabulary vocabulary;
    private final int maxIntents;

    public ReplySchema(CommandVocabulary vocabulary, int maxIntents) {
        this.vocabulary = ensureNotNull(vocabulary, "vocabulary");
        this.maxIntents = ensureRange(maxIntents, 0, 64, "maxIntents");
    }

    public ObjectNode schema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        props.putObject("reply").put("type", "string");
        ObjectNode intents = props.putObject("intents");
        intents.put("type", "array");
        intents.set("items", vocabulary.intentSchema());
        intents.put("maxItems", maxIntents);
        root.putArray("required").add("reply").add("intents");
        root.put("additionalProperties", false);
        return root;
    }

    /** The schema as compact JSON text. */
    public String json() {
        return schema().toString();
    }

    /** A one-line example of the shape, for the prompt. */
    public static String example() {
        return "{\"reply\": \"<what you say>\", \"intents\": [<commands, or none>]}";
    }
}
