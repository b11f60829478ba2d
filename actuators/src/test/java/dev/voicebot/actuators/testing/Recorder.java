package dev.voicebot.actuators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.TopicFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A separate MQTT client on the real broker that records every message on some filters, for assertions. */
public final class Recorder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MqttBus bus;
    private final List<BusMessage> messages = new CopyOnWriteArrayList<>();

    private Recorder(MqttBus bus) {
        this.bus = bus;
    }

    public static Recorder on(String brokerUri, String... filters) throws BusException {
        Recorder r = new Recorder(MqttBus.connect(BusOptions.of(brokerUri, "recorder-" + System.nanoTime())));
        for (String f : filters) {
            r.bus.subscribe(new TopicFilter(f), QoS.AT_LEAST_ONCE, r.messages::add);
        }
        return r;
    }

    public List<BusMessage> messages() {
        return List.copyOf(messages);
    }

    public List<BusMessage> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    public static JsonNode json(BusMessage m) {
        try {
            return JSON.readTree(m.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON on " + m.topic() + ": " + m.text(), e);
        }
    }

    /** The payloads (envelope "payload" field) on {@code topic}. */
    public List<JsonNode> payloads(String topic) {
        return on(topic).stream().map(m -> json(m).get("payload")).toList();
    }

    /** Waits until a message matching {@code test} has arrived; fails after {@code timeout}. */
    public BusMessage await(Predicate<BusMessage> test, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (BusMessage m : messages) {
                if (test.test(m)) {
                    return m;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no message " + what + " within " + timeout.toMillis() + " ms; saw: "
                + messages.stream().map(m -> m.topic() + " " + m.text()).toList());
    }

    /** Waits for a message on {@code topic} whose envelope payload matches. */
    public JsonNode awaitPayload(String topic, Predicate<JsonNode> test, Duration timeout, String what) throws InterruptedException {
        return json(await(m -> m.topic().equals(topic) && test.test(json(m).get("payload")), timeout, what)).get("payload");
    }

    public void clear() {
        messages.clear();
    }

    @Override
    public void close() {
        bus.close();
    }
}
