package dev.voicebot.actuators.wire;

import java.util.List;
import java.util.Optional;

/**
 * Where the JSON Schema of each topic's payload lives: versioned files shipped in this jar under
 * {@value #RESOURCE_DIR}, with {@code $id}s under {@value #BASE_URI} (a reserved, never-resolved host;
 * map it to the classpath). docs/protocol.md describes the same topics in words.
 */
public final class ProtocolSchemas {
    public static final String RESOURCE_DIR = "/dev/voicebot/actuators/schemas/v1/";
    public static final String BASE_URI = "https://schemas.voicebot.invalid/v1/";

    /** Every schema file name without its {@code .schema.json} suffix. */
    public static final List<String> NAMES = List.of("common", "status", "utterance", "intents", "reply", "command", "ack", "state",
            "error", "estop", "safety-event", "feedback", "heartbeat", "timings", "tts-status", "hermes-text-captured", "hermes-intent", "hermes-tts-say");

    private ProtocolSchemas() {
    }

    /** The schema name for a concrete topic, e.g. {@code robot/r1/safety/events} gives {@code safety-event}; empty if undocumented. */
    public static Optional<String> forTopic(String topic) {
        String[] l = topic.split("/", -1);
        if (l.length >= 3 && l[0].equals("robot")) {
            String rest = String.join("/", java.util.Arrays.copyOfRange(l, 2, l.length));
            if (l.length == 4 && l[2].equals("status")) {
                return Optional.of("status");
            }
            return Optional.ofNullable(switch (rest) {
                case "utterance" -> "utterance";
                case "intents" -> "intents";
                case "reply" -> "reply";
                case "command" -> "command";
                case "ack" -> "ack";
                case "state" -> "state";
                case "errors" -> "error";
                case "estop" -> "estop";
                case "safety/events" -> "safety-event";
                case "feedback" -> "feedback";
                case "heartbeat" -> "heartbeat";
                case "timings" -> "timings";
                case "tts/status" -> "tts-status";
                default -> null;
            });
        }
        if (topic.equals("hermes/asr/textCaptured")) {
            return Optional.of("hermes-text-captured");
        }
        if (topic.equals("hermes/tts/say")) {
            return Optional.of("hermes-tts-say");
        }
        if (l.length == 3 && l[0].equals("hermes") && l[1].equals("intent") && !l[2].isEmpty()) {
            return Optional.of("hermes-intent");
        }
        return Optional.empty();
    }

    /** The classpath resource of a schema name. */
    public static String resource(String name) {
        return RESOURCE_DIR + name + ".schema.json";
    }
}
