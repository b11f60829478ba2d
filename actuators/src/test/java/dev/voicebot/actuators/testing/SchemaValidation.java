package dev.voicebot.actuators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.voicebot.actuators.wire.ProtocolSchemas;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Validates MQTT payloads against the protocol's JSON Schemas shipped in the actuators jar. */
public final class SchemaValidation {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(ProtocolSchemas.BASE_URI, "classpath:" + ProtocolSchemas.RESOURCE_DIR.substring(1))));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    public JsonSchema schema(String name) {
        return schemas.computeIfAbsent(name, n -> factory.getSchema(SchemaLocation.of(ProtocolSchemas.BASE_URI + n + ".schema.json")));
    }

    /** What is wrong with a message on {@code topic}; empty when it matches its schema. */
    public List<String> problems(String topic, byte[] payload) {
        Optional<String> name = ProtocolSchemas.forTopic(topic);
        if (name.isEmpty()) {
            return List.of("no schema documents the topic " + topic);
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (node == null) {
            return List.of("empty payload");
        }
        return schema(name.get()).validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    public List<String> problems(String schemaName, JsonNode node) {
        return schema(schemaName).validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
