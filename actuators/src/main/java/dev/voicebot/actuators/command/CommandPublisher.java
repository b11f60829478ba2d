package dev.voicebot.actuators.command;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.wire.Ack;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of commands: publishes each (already validated) intent on the command topic as
 * QoS 1, not retained, with an MQTT 5 message expiry, the ack topic as response topic and the msgId
 * as correlation data; then tracks the acknowledgements.
 */
public final class CommandPublisher {
    private static final Logger log = LoggerFactory.getLogger(CommandPublisher.class);

    private final MqttBus bus;
    private final RobotTopics topics;
    private final Duration expiry;
    private final Consumer<Ack> onAck;
    private final ObjectMapper json = WireJson.newMapper();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public CommandPublisher(MqttBus bus, RobotTopics topics, Duration expiry, Consumer<Ack> onAck) {
        this.bus = ensureNotNull(bus, "bus");
        this.topics = ensureNotNull(topics, "topics");
        this.expiry = ensureNotNull(expiry, "expiry");
        this.onAck = ensureNotNull(onAck, "onAck");
    }

    /** Subscribes to acknowledgements; call once before publishing. */
    public CommandPublisher start() throws BusException {
        bus.subscribe(TopicFilter.of(topics.ack()), QoS.AT_LEAST_ONCE, this::onAckMessage);
        return this;
    }

    /** Publishes one command and returns its msgId; it counts as pending until acknowledged. */
    public Envelope<Intent> publish(Intent intent) throws BusException {
        Envelope<Intent> envelope = Envelope.of(topics.robotId(), intent);
        byte[] payload;
        try {
            payload = json.writerFor(new TypeReference<Envelope<Intent>>() { }).writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("intent not serialisable: " + intent, e);
        }
        pending.add(envelope.msgId());
        try {
            bus.publish(Publication.motion(topics.command(), payload, expiry, topics.ack(), envelope.msgId().getBytes(StandardCharsets.UTF_8)));
        } catch (BusException e) {
            pending.remove(envelope.msgId());
            throw e;
        }
        return envelope;
    }

    /** Commands published and not yet acknowledged. */
    public int pending() {
        return pending.size();
    }

    private void onAckMessage(BusMessage message) {
        try {
            Envelope<Ack> envelope = json.readValue(message.payload(), new TypeReference<Envelope<Ack>>() { });
            try {
                onAck.accept(envelope.payload());
            } finally {
                pending.remove(envelope.payload().commandId());
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            log.warn("ignored a malformed acknowledgement on {}: {}", message.topic(), message.text(), e);
        }
    }
}
