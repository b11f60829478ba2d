package dev.voicebot.brain.llm.output;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.IntentKind;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import dev.voicebot.config.InvalidValueException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Parses and validates a model's {@code {"reply": "...", "intents": [...]}} output, whatever the
 * grammar promised: strict JSON, a closed document, known and allowed command types, every field
 * present, typed and accepted by the intent record's own checks. Anything else becomes a {@link Rejection}.
 */
public final class ReplyParser {
    private final CommandVocabulary vocabulary;
    private final int maxIntents;
    private final ObjectMapper json;

    public ReplyParser(CommandVocabulary vocabulary, int maxIntents) {
        this.vocabulary = ensureNotNull(vocabulary, "vocabulary");
        this.maxIntents = ensureRange(maxIntents, 0, 64, "maxIntents");
        this.json = strictMapper();
    }

    /**
     * Parses {@code output}; {@code cutOff} names why generation stopped early (cancelled, deadline,
     * token limit) when it did, so that a broken document is reported as cut off rather than malformed.
     */
    public ParsedReply parse(String output, Optional<String> cutOff) {
        String text = output.strip();
        JsonNode root;
        try {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty output");
            }
            root = json.readTree(text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (cutOff.isPresent()) {
                return ParsedReply.rejected(new Rejection.Incomplete(cutOff.get()));
            }
            String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return ParsedReply.rejected(new Rejection.MalformedJson(detail));
        }
        if (!root.isObject()) {
            return ParsedReply.rejected(new Rejection.NotAReplyDocument("expected an object, got " + describe(root)));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("reply") && !name.equals("intents")) {
                return ParsedReply.rejected(new Rejection.NotAReplyDocument("unexpected key '" + name + "'"));
            }
        }
        JsonNode reply = root.get("reply");
        if (reply == null || !reply.isTextual()) {
            return ParsedReply.rejected(new Rejection.NotAReplyDocument("\"reply\" must be a text, got " + describe(reply)));
        }
        JsonNode intents = root.get("intents");
        if (intents != null && !intents.isArray()) {
            return ParsedReply.rejected(new Rejection.NotAReplyDocument("\"intents\" must be a list, got " + describe(intents)));
        }
        String said = reply.asText().strip();
        if (intents == null || intents.isEmpty()) {
            return new ParsedReply(said, List.of(), List.of());
        }
        if (intents.size() > maxIntents) {
            return new ParsedReply(said, List.of(), List.of(new Rejection.TooManyIntents(intents.size(), maxIntents)));
        }
        List<Intent> valid = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        for (JsonNode node : intents) {
            Object r = intent(node);
            if (r instanceof Intent i) {
                valid.add(i);
            } else {
                rejected.add((Rejection) r);
            }
        }
        if (rejected.isEmpty()) {
            return new ParsedReply(said, valid, List.of());
        }
        for (Intent i : valid) {
            rejected.add(new Rejection.PlanAbandoned(i));
        }
        return new ParsedReply(said, List.of(), rejected);
    }

    /** An {@link Intent}, or the {@link Rejection} of this element. */
    private Object intent(JsonNode node) {
        String text = node.toString();
        if (!node.isObject()) {
            return new Rejection.InvalidIntent(text, "?", "", "a command must be an object");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            return new Rejection.InvalidIntent(text, "?", "type", "missing or not a text");
        }
        Optional<IntentKind> kind = IntentKind.byWireName(type.asText());
        if (kind.isEmpty()) {
            return new Rejection.UnknownIntentType(text, type.asText());
        }
        if (!vocabulary.allows(kind.get())) {
            return new Rejection.NotAllowed(text, type.asText());
        }
        try {
            Intent intent = json.treeToValue(node, Intent.class);
            if (IntentKind.of(intent) != kind.get()) {
                return new Rejection.InvalidIntent(text, type.asText(), "type", "decoded as " + intent.kind());
            }
            return intent;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidValueException iv) {
                return new Rejection.InvalidIntent(text, type.asText(), iv.field(), "value " + iv.value() + " not allowed; allowed: " + iv.allowed());
            }
            if (e instanceof UnrecognizedPropertyException u) {
                return new Rejection.InvalidIntent(text, type.asText(), u.getPropertyName(), "no such field");
            }
            String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(e.getPath().size() - 1).getFieldName());
            Throwable cause = e.getCause();
            String detail = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
            return new Rejection.InvalidIntent(text, type.asText(), field, detail);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Rejection.InvalidIntent(text, type.asText(), "", String.valueOf(e.getMessage()));
        }
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String t = node.toString();
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + (t.length() > 60 ? t.substring(0, 60) + "..." : t);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Float, LogicalType.Integer, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
