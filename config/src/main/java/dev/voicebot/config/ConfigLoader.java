package dev.voicebot.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the effective {@link RobotConfig}: the defaults shipped in the jar, then an optional YAML
 * file, then {@code ROBOT_...} environment variables. Every failure is a {@link ConfigException}
 * naming the key path, the bad value and what is allowed.
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "/dev/voicebot/config/defaults.yaml";
    public static final String ENV_PREFIX = "ROBOT_";

    private final ObjectMapper yaml;

    public ConfigLoader() {
        this.yaml = newMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    }

    /** Defaults only. */
    public RobotConfig defaults() {
        return load(Optional.empty(), Map.of());
    }

    public RobotConfig load(Optional<Path> file, Map<String, String> environment) {
        ObjectNode tree = defaultsTree();
        if (file.isPresent()) {
            merge(tree, readFile(file.get()), "");
        }
        applyEnvironment(tree, environment);
        return bind(tree);
    }

    /** The effective configuration as YAML, secrets masked, for {@code robot config print}. */
    public String print(RobotConfig config) {
        try {
            return yaml.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print configuration", e);
        }
    }

    private ObjectNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("defaults " + DEFAULTS_RESOURCE + " missing from the jar");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped defaults " + DEFAULTS_RESOURCE, e);
        }
    }

    private JsonNode readFile(Path file) {
        try {
            JsonNode node = yaml.readTree(Files.readAllBytes(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return yaml.createObjectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("(root)", "the file " + file + " must hold a YAML mapping of keys, not " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ConfigException("(file)", "configuration file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("(file)", "configuration file " + file + " is not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : ""), e);
        } catch (IOException e) {
            throw new ConfigException("(file)", "cannot read configuration file " + file + ": " + e, e);
        }
    }

    /** Objects merge key by key; anything else replaces. Unknown keys are left for binding to report. */
    private static void merge(ObjectNode target, JsonNode overlay, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), path + field.getKey() + ".");
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    /**
     * {@code ROBOT_MQTT_EMBEDDED_PORT=1884} sets {@code mqtt.embedded.port}: each camelCase key is
     * matched in its SNAKE_CASE form. Values are read as YAML scalars, so numbers and booleans keep
     * their types. A {@code ROBOT_} variable that names no key is an error, not silently ignored.
     */
    private void applyEnvironment(ObjectNode tree, Map<String, String> environment) {
        Map<String, String> sorted = new TreeMap<>(environment);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String rest = e.getKey().substring(ENV_PREFIX.length());
            ObjectNode node = tree;
            List<String> path = new ArrayList<>();
            while (true) {
                String matched = null;
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    String snake = snake(name);
                    if (rest.equals(snake) || rest.startsWith(snake + "_") && node.get(name).isObject()) {
                        if (matched == null || snake.length() > snake(matched).length()) {
                            matched = name;
                        }
                    }
                }
                if (matched == null) {
                    throw new ConfigException(e.getKey(), "environment variable " + e.getKey()
                            + " names no configuration key; keys here: " + names(node, path));
                }
                path.add(matched);
                String snake = snake(matched);
                if (rest.equals(snake)) {
                    node.set(matched, parseScalar(e.getKey(), e.getValue()));
                    break;
                }
                rest = rest.substring(snake.length() + 1);
                node = (ObjectNode) node.get(matched);
            }
        }
    }

    private static String names(ObjectNode node, List<String> path) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> out.add(ENV_PREFIX + path.stream().map(ConfigLoader::snake).map(s -> s + "_").collect(Collectors.joining()) + snake(n)));
        return String.join(", ", out);
    }

    private JsonNode parseScalar(String variable, String value) {
        try {
            JsonNode node = yaml.readTree(value);
            return node == null || node.isMissingNode() ? yaml.getNodeFactory().textNode(value) : node;
        } catch (JsonProcessingException ex) {
            // Not YAML (for example a password with a colon): take it as text.
            return yaml.getNodeFactory().textNode(value);
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private RobotConfig bind(ObjectNode tree) {
        try {
            return yaml.treeToValue(tree, RobotConfig.class);
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (JsonProcessingException e) {
            throw new ConfigException("(root)", "cannot read configuration: " + e.getOriginalMessage(), e);
        }
    }

    private static ConfigException translate(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new ConfigException(path, "unknown key '" + u.getPropertyName() + "'; allowed keys here: " + known, e);
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidValueException iv) {
            String full = path.isEmpty() || path.equals("(root)") ? iv.field() : path + "." + iv.field();
            return new ConfigException(full, "bad value " + iv.value() + "; allowed: " + iv.allowed(), e);
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(path, "bad value '" + f.getValue() + "'; allowed: " + describe(f.getTargetType()), e);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new ConfigException(path, "wrong type; allowed: " + describe(m.getTargetType()) + " (" + e.getOriginalMessage() + ")", e);
        }
        Throwable cause = e.getCause();
        String detail = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        return new ConfigException(path, detail, e);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString()).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 300ms, 10s, 5m";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Path.class) {
            return "a file path";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of " + type.getSimpleName();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }

    /** The mapper configured for configuration: strict types, durations as text, enums by their lower-case name. */
    public static ObjectMapper newMapper(com.fasterxml.jackson.core.JsonFactory factory) {
        SimpleModule module = new SimpleModule("robot-config");
        module.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
                }
                String text = p.getValueAsString();
                try {
                    return Durations.parse(text);
                } catch (IllegalArgumentException ex) {
                    throw InvalidFormatException.from(p, ex.getMessage(), text, Duration.class);
                }
            }
        });
        module.addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(Durations.format(value));
            }
        });
        module.addSerializer(Path.class, new JsonSerializer<>() {
            @Override
            public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        ObjectMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(module)
                .build();
        for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
