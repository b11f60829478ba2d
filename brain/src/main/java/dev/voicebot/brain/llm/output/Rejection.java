package dev.voicebot.brain.llm.output;

import dev.voicebot.actuators.intent.Intent;

/**
 * Why part (or all) of a model's answer was dropped instead of executed. Every case says what was
 * wrong in {@link #describe()}; nothing rejected ever reaches the actuators.
 */
public sealed interface Rejection {
    String describe();

    /** The output is not one JSON document (broken syntax, or text around it). */
    record MalformedJson(String detail) implements Rejection {
        public String describe() {
            return "the answer is not valid JSON: " + detail;
        }
    }

    /** Generation stopped (cancelled, deadline, token limit, error) before the document was complete. */
    record Incomplete(String why) implements Rejection {
        public String describe() {
            return "the answer was cut off before it was complete (" + why + ")";
        }
    }

    /** Valid JSON, but not the {@code {"reply": "...", "intents": [...]}} document. */
    record NotAReplyDocument(String detail) implements Rejection {
        public String describe() {
            return "the answer is not a {\"reply\", \"intents\"} document: " + detail;
        }
    }

    /** More intents than one answer may carry. */
    record TooManyIntents(int count, int max) implements Rejection {
        public String describe() {
            return "the answer has " + count + " intents; at most " + max + " are allowed";
        }
    }

    /** An intent whose {@code type} is not a command the robot has. */
    record UnknownIntentType(String json, String type) implements Rejection {
        public String describe() {
            return "unknown command type '" + type + "' in " + json;
        }
    }

    /** A command the robot has but this responder may not propose (for example {@code speak}: the reply is what is said). */
    record NotAllowed(String json, String type) implements Rejection {
        public String describe() {
            return "command '" + type + "' is not allowed from the LLM: " + json;
        }
    }

    /** A known command with a missing, unknown, mistyped or out-of-range field. */
    record InvalidIntent(String json, String type, String field, String detail) implements Rejection {
        public String describe() {
            return "invalid '" + type + "' command" + (field.isEmpty() ? "" : " field '" + field + "'") + ": " + detail + " in " + json;
        }
    }

    /** A valid intent dropped because the user spoke again (barge-in) before the answer was finished. */
    record Cancelled(Intent intent) implements Rejection {
        public String describe() {
            return "valid " + intent.kind() + " command dropped because the answer was cancelled (the user spoke again): " + intent;
        }
    }

    /** A valid intent dropped because another intent of the same answer was invalid: a plan runs whole or not at all. */
    record PlanAbandoned(Intent intent) implements Rejection {
        public String describe() {
            return "valid " + intent.kind() + " command dropped because another command of the same answer was invalid: " + intent;
        }
    }
}
