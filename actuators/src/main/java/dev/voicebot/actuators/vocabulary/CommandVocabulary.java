package dev.voicebot.actuators.vocabulary;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.IntentKind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The robot's command vocabulary as data, read from the {@link IntentKind} records themselves: each
 * kind's wire name and fields (numbers, texts, or a choice of the enum's wire values). From it come
 * the JSON schema of one intent (for constrained LLM output) and a plain description (for prompts).
 * A new intent record appears here without edits, except for its one-line description below.
 */
public final class CommandVocabulary {
    /** What each kind and field means, keyed {@code kind} and {@code kind.field}; a test keeps it complete. */
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("move", "drive straight"),
            Map.entry("move.distanceM", "metres; positive forward, negative backward"),
            Map.entry("move.speedMps", "metres per second, greater than 0"),
            Map.entry("turn", "turn in place"),
            Map.entry("turn.angleDeg", "degrees; positive turns left, negative turns right"),
            Map.entry("turn.rateDegPerS", "degrees per second, greater than 0"),
            Map.entry("stop", "halt at once and drop every queued motion"),
            Map.entry("gesture", "play a body or arm gesture"),
            Map.entry("gesture.name", "the gesture"),
            Map.entry("look", "point the head"),
            Map.entry("look.panDeg", "degrees from straight ahead; positive is left"),
            Map.entry("look.tiltDeg", "degrees from straight ahead; positive is up"),
            Map.entry("pose", "change the whole-body posture"),
            Map.entry("pose.pose", "the posture"),
            Map.entry("speak", "say a text aloud"),
            Map.entry("speak.text", "the words to say"),
            Map.entry("speak.language", "ISO 639-1 language code such as en or ko"));

    /** Texts in commands are short; the schema says so, which also bounds constrained generation. */
    public static final int MAX_TEXT_LENGTH = 200;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<Command> commands;

    private CommandVocabulary(List<Command> commands) {
        this.commands = List.copyOf(commands);
    }

    /** Every kind of intent the actuators understand. */
    public static CommandVocabulary all() {
        return of(EnumSet.allOf(IntentKind.class));
    }

    /** Only the given kinds, in the order of {@link IntentKind}. */
    public static CommandVocabulary of(Set<IntentKind> kinds) {
        ensureNotNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("a command vocabulary needs at least one kind of intent");
        }
        List<Command> commands = new ArrayList<>();
        for (IntentKind kind : IntentKind.values()) {
            if (kinds.contains(kind)) {
                commands.add(command(kind));
            }
        }
        return new CommandVocabulary(commands);
    }

    /** This vocabulary without some kinds. */
    public CommandVocabulary without(IntentKind... excluded) {
        Set<IntentKind> kinds = EnumSet.noneOf(IntentKind.class);
        kinds.addAll(kinds());
        kinds.removeAll(Arrays.asList(excluded));
        return of(kinds);
    }

    public List<Command> commands() {
        return commands;
    }

    public Set<IntentKind> kinds() {
        return commands.stream().map(Command::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(IntentKind.class)));
    }

    public boolean allows(IntentKind kind) {
        return kinds().contains(kind);
    }

    /**
     * The JSON schema of one intent: {@code anyOf} one closed object per kind, whose {@code "type"} is
     * a constant wire name followed by the record's fields in declaration order, all required.
     */
    public ObjectNode intentSchema() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode schema = f.objectNode();
        ArrayNode anyOf = schema.putArray("anyOf");
        for (Command c : commands) {
            ObjectNode o = anyOf.addObject();
            o.put("type", "object");
            o.put("description", c.description());
            ObjectNode props = o.putObject("properties");
            props.putObject("type").put("const", c.kind().wireName());
            ArrayNode required = f.arrayNode().add("type");
            for (Field field : c.fields()) {
                props.set(field.name(), field.schema());
                required.add(field.name());
            }
            o.set("required", required);
            o.put("additionalProperties", false);
        }
        return schema;
    }

    /**
     * One line per command, for a prompt: the JSON shape, then what it does and what its fields mean, e.g.
     * {@code - {"type":"move","distanceM":<number>,"speedMps":<number>}: drive straight; distanceM: metres; ...}.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Command c : commands) {
            sb.append("- {\"type\":\"").append(c.kind().wireName()).append('"');
            for (Field field : c.fields()) {
                sb.append(",\"").append(field.name()).append("\":").append(field.placeholder());
            }
            sb.append("}: ").append(c.description());
            for (Field field : c.fields()) {
                sb.append("; ").append(field.name()).append(": ").append(field.description());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The JSON form of an intent as the schema describes it: {@code "type"} first, then the record's
     * fields in order (enums by their wire value). Independent of Jackson annotations on {@link Intent}.
     */
    public static ObjectNode toJson(Intent intent) {
        ensureNotNull(intent, "intent");
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", IntentKind.of(intent).wireName());
        for (RecordComponent rc : intent.getClass().getRecordComponents()) {
            try {
                o.set(rc.getName(), JSON.valueToTree(rc.getAccessor().invoke(intent)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + intent, e);
            }
        }
        return o;
    }

    private static Command command(IntentKind kind) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent rc : kind.type().getRecordComponents()) {
            String key = kind.wireName() + "." + rc.getName();
            fields.add(field(key, rc.getName(), rc.getType()));
        }
        return new Command(kind, description(kind.wireName()), fields);
    }

    private static Field field(String key, String name, Class<?> type) {
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return new Field(name, FieldType.NUMBER, List.of(), description(key));
        }
        if (type == String.class) {
            return new Field(name, FieldType.TEXT, List.of(), description(key));
        }
        if (type.isEnum()) {
            List<String> wire = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                // The enum's JSON form is its wire name (@JsonValue).
                wire.add(JSON.valueToTree(constant).asText());
            }
            return new Field(name, FieldType.CHOICE, wire, description(key));
        }
        throw new IllegalStateException("intent field " + key + " has type " + type.getName()
                + ", which the command vocabulary cannot describe; add it to CommandVocabulary.field");
    }

    private static String description(String key) {
        String d = DESCRIPTIONS.get(key);
        if (d == null) {
            throw new IllegalStateException("no description for '" + key + "' in CommandVocabulary.DESCRIPTIONS");
        }
        return d;
    }

    /** One kind of command: its intent kind, what it does, and its fields in record order. */
    public record Command(IntentKind kind, String description, List<Field> fields) {
        public Command {
            ensureNotNull(kind, "kind");
            ensureNotNull(description, "description");
            fields = List.copyOf(ensureNotNull(fields, "fields"));
        }
    }

    /** The JSON type of a field. */
    public enum FieldType {
        NUMBER, TEXT, CHOICE
    }

    /** One field of a command; {@code choices} lists the allowed wire values of a CHOICE. */
    public record Field(String name, FieldType type, List<String> choices, String description) {
        public Field {
            ensureNotNull(name, "name");
            ensureNotNull(type, "type");
            choices = List.copyOf(ensureNotNull(choices, "choices"));
            ensureNotNull(description, "description");
        }

        ObjectNode schema() {
            ObjectNode s = JsonNodeFactory.instance.objectNode();
            switch (type) {
                case NUMBER -> s.put("type", "number");
                case TEXT -> s.put("type", "string").put("minLength", 1).put("maxLength", MAX_TEXT_LENGTH);
                case CHOICE -> {
                    ArrayNode values = s.putArray("enum");
                    choices.forEach(values::add);
                }
            }
            return s;
        }

        String placeholder() {
            return switch (type) {
                case NUMBER -> "<number>";
                case TEXT -> "<text>";
                case CHOICE -> choices.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining("|"));
            };
        }
    }
}
