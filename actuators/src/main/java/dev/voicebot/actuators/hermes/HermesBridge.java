package dev.voicebot.actuators.hermes;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rhasspy Hermes compatibility, so existing Hermes tools can listen in: what the robot heard goes to
 * {@code hermes/asr/textCaptured}, each intent to {@code hermes/intent/{kind}} (its fields as slots), each
 * reply to {@code hermes/tts/say}; a {@code hermes/tts/say} from another client for this {@code siteId}
 * is handed to {@code onSay} (the runtime speaks it). Hermes payloads are plain JSON, not in the robot
 * envelope. Its own publications do not come back (MQTT 5 no-local). Never moves the robot: intents
 * are only published here after the runtime has handled them.
 */
public final class HermesBridge {
    private static final Logger log = LoggerFactory.getLogger(HermesBridge.class);
    public static final Topic TEXT_CAPTURED = new Topic("hermes/asr/textCaptured");
    public static final Topic TTS_SAY = new Topic("hermes/tts/say");

    private final MqttBus bus;
    private final String siteId;
    private final Consumer<Say> onSay;
    private final ObjectMapper json = new ObjectMapper();

    /** A {@code hermes/tts/say} request: text, language (may be null) and the request id (may be null). */
    public record Say(String text, String lang, String id) {
    }

    public HermesBridge(MqttBus bus, String siteId, Consumer<Say> onSay) {
        this.bus = ensureNotNull(bus, "bus");
        this.siteId = ensureNotBlank(siteId, "siteId");
        this.onSay = ensureNotNull(onSay, "onSay");
    }

    /** Listens to {@code hermes/tts/say}. */
    public HermesBridge start() throws BusException {
        bus.subscribe(TopicFilter.of(TTS_SAY), QoS.AT_LEAST_ONCE, true, this::onTtsSay);
        return this;
    }

    public static Topic intentTopic(Intent intent) {
        return new Topic("hermes/intent/" + intent.kind());
    }

    /** Publishes what was heard or typed. */
    public void textCaptured(String text, String language, double seconds) {
        ObjectNode o = json.createObjectNode();
        o.put("text", text);
        o.put("likelihood", 1.0);
        o.put("seconds", seconds);
        o.put("siteId", siteId);
        o.putNull("sessionId");
        o.put("lang", language);
        send(TEXT_CAPTURED, o);
    }

    /** Publishes one intent the robot understood from {@code input}, its fields as Hermes slots. */
    public void intent(String input, Intent intent, double confidence) {
        ObjectNode o = json.createObjectNode();
        o.put("input", input);
        ObjectNode i = o.putObject("intent");
        i.put("intentName", intent.kind());
        i.put("confidenceScore", confidence);
        ArrayNode slots = o.putArray("slots");
        JsonNode fields = CommandVocabulary.toJson(intent);
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("type")) {
                continue;
            }
            ObjectNode slot = slots.addObject();
            boolean number = f.getValue().isNumber();
            slot.put("entity", number ? "number" : "string");
            slot.put("slotName", f.getKey());
            slot.put("rawValue", f.getValue().asText());
            ObjectNode value = slot.putObject("value");
            value.put("kind", number ? "Number" : "Unknown");
            value.set("value", f.getValue());
        }
        o.put("siteId", siteId);
        o.putNull("sessionId");
        o.putNull("customData");
        send(intentTopic(intent), o);
    }

    /** Publishes a reply for Hermes text-to-speech listeners. */
    public void say(String text, String language) {
        ObjectNode o = json.createObjectNode();
        o.put("text", text);
        o.put("lang", language);
        o.put("id", UUID.randomUUID().toString());
        o.put("siteId", siteId);
        o.putNull("sessionId");
        send(TTS_SAY, o);
    }

    private void send(Topic topic, ObjectNode payload) {
        if (!bus.isConnected()) {
            log.debug("Hermes message on {} skipped: disconnected", topic);
            return;
        }
        try {
            bus.publish(Publication.event(topic, payload.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (BusException e) {
            log.warn("Hermes message on {} not published", topic, e);
        }
    }

    private void onTtsSay(BusMessage message) {
        try {
            JsonNode n = json.readTree(message.payload());
            String text = n.path("text").asText("");
            String site = n.path("siteId").asText(siteId);
            if (text.isBlank() || !site.equals(siteId)) {
                return;
            }
            onSay.accept(new Say(text, n.hasNonNull("lang") ? n.get("lang").asText() : null, n.hasNonNull("id") ? n.get("id").asText() : null));
        } catch (java.io.IOException e) {
            log.warn("ignored a malformed hermes/tts/say: {}", message.text(), e);
        }
    }
}
