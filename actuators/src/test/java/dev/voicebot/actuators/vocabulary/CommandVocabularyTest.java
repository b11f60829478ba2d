package dev.voicebot.actuators.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.IntentKind;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.actuators.vocabulary.CommandVocabulary.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandVocabularyTest {

    @Test
    void everyKindIsDescribedWithItsRecordFieldsInOrder() {
        CommandVocabulary v = CommandVocabulary.all();
        assertEquals(IntentKind.values().length, v.commands().size());
        for (CommandVocabulary.Command c : v.commands()) {
            List<String> names = new ArrayList<>();
            for (var rc : c.kind().type().getRecordComponents()) {
                names.add(rc.getName());
            }
            assertEquals(names, c.fields().stream().map(CommandVocabulary.Field::name).toList(), c.kind().wireName());
            assertFalse(c.description().isBlank());
        }
    }

    @Test
    void schemaHasOneClosedObjectPerKindWithTheTypeConstantFirst() {
        ObjectNode schema = CommandVocabulary.all().intentSchema();
        JsonNode anyOf = schema.get("anyOf");
        assertEquals(IntentKind.values().length, anyOf.size());
        JsonNode move = anyOf.get(0);
        assertEquals("move", move.get("properties").get("type").get("const").asText());
        assertEquals(List.of("type", "distanceM", "speedMps"), names(move.get("properties")));
        assertEquals("number", move.get("properties").get("distanceM").get("type").asText());
        assertEquals("[\"type\",\"distanceM\",\"speedMps\"]", move.get("required").toString());
        assertFalse(move.get("additionalProperties").asBoolean());
        JsonNode stop = anyOf.get(2);
        assertEquals(List.of("type"), names(stop.get("properties")));
    }

    @Test
    void enumFieldsOfferTheirWireValues() {
        CommandVocabulary.Field name = CommandVocabulary.all().commands().stream()
                .filter(c -> c.kind() == IntentKind.GESTURE).findFirst().orElseThrow().fields().get(0);
        assertEquals(FieldType.CHOICE, name.type());
        assertEquals(List.of("wave", "nod", "bow", "shake-head", "point"), name.choices());
        assertTrue(CommandVocabulary.all().intentSchema().toString().contains("\"enum\":[\"sit\",\"stand\"]"));
    }

    @Test
    void subsetsKeepOnlyTheChosenKinds() {
        CommandVocabulary v = CommandVocabulary.all().without(IntentKind.SPEAK);
        assertFalse(v.allows(IntentKind.SPEAK));
        assertTrue(v.allows(IntentKind.MOVE));
        assertFalse(v.intentSchema().toString().contains("\"speak\""));
        assertFalse(v.describe().contains("\"speak\""));
        assertThrows(IllegalArgumentException.class, () -> CommandVocabulary.of(Set.of()));
    }

    @Test
    void descriptionShowsShapesAndMeanings() {
        String d = CommandVocabulary.all().describe();
        assertTrue(d.contains("- {\"type\":\"move\",\"distanceM\":<number>,\"speedMps\":<number>}: drive straight"), d);
        assertTrue(d.contains("\"name\":\"wave\"|\"nod\"|\"bow\"|\"shake-head\"|\"point\""), d);
        assertTrue(d.contains("positive turns left"), d);
        assertEquals(IntentKind.values().length, d.lines().count());
    }

    @Test
    void intentsPrintAsTheSchemaDescribesThem() {
        assertEquals("{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3}", CommandVocabulary.toJson(new Move(1.0, 0.3)).toString());
        assertEquals("{\"type\":\"gesture\",\"name\":\"shake-head\"}", CommandVocabulary.toJson(new Gesture(Gesture.Name.SHAKE_HEAD)).toString());
        assertEquals("{\"type\":\"stop\"}", CommandVocabulary.toJson(new Stop()).toString());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
