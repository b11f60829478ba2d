package dev.voicebot.actuators.hermes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Speak;
import dev.voicebot.actuators.testing.Eventually;
import dev.voicebot.actuators.testing.Recorder;
import dev.voicebot.actuators.testing.SchemaValidation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rhasspy Hermes messages and MQTT 5 shared subscriptions on the embedded broker. */
class HermesAndFleetBusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static EmbeddedBroker broker;
    private final SchemaValidation schemas = new SchemaValidation();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = dev.voicebot.actuators.testing.SharedBroker.get();
    }

    @Test
    void hermesToolsHearTheRobotAndCanMakeItSpeak() throws Exception {
        List<HermesBridge.Say> said = new CopyOnWriteArrayList<>();
        try (Recorder hermes = Recorder.on(broker.uri(), "hermes/#");
             MqttBus robotBus = MqttBus.connect(BusOptions.of(broker.uri(), "robot-hermes"));
             MqttBus tool = MqttBus.connect(BusOptions.of(broker.uri(), "hermes-tool"))) {
            HermesBridge bridge = new HermesBridge(robotBus, "kitchen", said::add).start();
            bridge.textCaptured("move forward two meters", "en", 1.5);
            bridge.intent("move forward two meters", new Move(2, 0.3), 1.0);
            bridge.say("Moving two meters.", "en");
            hermes.await(m -> m.topic().equals("hermes/tts/say"), WAIT, "tts/say");
            JsonNode captured = Recorder.json(hermes.on("hermes/asr/textCaptured").get(0));
            assertEquals("move forward two meters", captured.get("text").asText());
            assertEquals("kitchen", captured.get("siteId").asText());
            JsonNode intent = Recorder.json(hermes.on("hermes/intent/move").get(0));
            assertEquals("move", intent.get("intent").get("intentName").asText());
            assertEquals("distanceM", intent.get("slots").get(0).get("slotName").asText());
            assertEquals(2.0, intent.get("slots").get(0).get("value").get("value").asDouble());
            for (BusMessage m : hermes.messages()) {
                assertEquals(List.of(), schemas.problems(m.topic(), m.payload()), m.topic() + " " + m.text());
            }
            // another Hermes tool asks this site to speak; another site's request and the robot's own are ignored
            tool.publish(Publication.event(HermesBridge.TTS_SAY, "{\"text\":\"not for you\",\"siteId\":\"garage\"}".getBytes(StandardCharsets.UTF_8)));
            tool.publish(Publication.event(HermesBridge.TTS_SAY, "{\"text\":\"Dinner is ready\",\"lang\":\"en\",\"id\":\"x1\",\"siteId\":\"kitchen\"}"
                    .getBytes(StandardCharsets.UTF_8)));
            Eventually.holds(() -> !said.isEmpty(), WAIT, "tts/say for this site handed on");
            Thread.sleep(200); // let any wrongly delivered message arrive too (none should)
            assertEquals(List.of(new HermesBridge.Say("Dinner is ready", "en", "x1")), said);
        }
    }

    @Test
    void sharedSubscriptionsSplitAFleetsUtterancesBetweenBrainInstances() throws Exception {
        // Which member gets each message is the broker's policy (HiveMQ prefers members with free in-flight
        // capacity, so one fast member may take everything). What the fleet relies on is checked here: every
        // utterance reaches exactly one brain of the group, and when one brain goes away the other takes over.
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        TopicFilter shared = new TopicFilter("$share/brain/robot/+/utterance");
        try (MqttBus brainB = MqttBus.connect(BusOptions.of(broker.uri(), "brain-b"));
             MqttBus robots = MqttBus.connect(BusOptions.of(broker.uri(), "robots"))) {
            int n = 0;
            try (MqttBus brainA = MqttBus.connect(BusOptions.of(broker.uri(), "brain-a"))) {
                brainA.subscribe(shared, QoS.AT_LEAST_ONCE, m -> first.add(m.text()));
                brainB.subscribe(shared, QoS.AT_LEAST_ONCE, m -> second.add(m.text()));
                for (; n < 400; n++) {
                    Topic t = new RobotTopics(n % 2 == 0 ? "alpha" : "beta").utterance();
                    robots.publish(Publication.event(t, ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
                }
                int sent = n;
                Eventually.holds(() -> first.size() + second.size() >= sent, WAIT, "every utterance delivered");
                Thread.sleep(200);
                assertEquals(n, first.size() + second.size(), "each message to exactly one instance: " + first.size() + "/" + second.size());
            }
            int beforeFailover = second.size();
            for (int i = 0; i < 100; i++, n++) {
                robots.publish(Publication.event(new RobotTopics("alpha").utterance(), ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8)));
            }
            Eventually.holds(() -> second.size() - beforeFailover >= 100, WAIT, "the remaining brain takes over the whole fleet");
            Thread.sleep(200);
            Set<String> all = new HashSet<>(first);
            all.addAll(second);
            assertEquals(n, all.size(), "no message lost or twice");
            assertEquals(n, first.size() + second.size(), "no message twice");
        }
    }

    @Test
    void robotsOnOneBrokerAreIsolatedByRobotId() throws Exception {
        try (Recorder alpha = Recorder.on(broker.uri(), new RobotTopics("alpha").all().filter());
             MqttBus other = MqttBus.connect(BusOptions.of(broker.uri(), "beta-runtime"))) {
            other.publish(Publication.event(new RobotTopics("beta").command(), "{}".getBytes(StandardCharsets.UTF_8)));
            other.publish(Publication.event(new RobotTopics("alpha").reply(), "{\"marker\":1}".getBytes(StandardCharsets.UTF_8)));
            alpha.await(m -> m.text().contains("marker"), WAIT, "marker");
            assertEquals(1, alpha.messages().size(), alpha.messages().toString());
            assertTrue(new TopicFilter("$share/brain/robot/+/utterance").matches("robot/alpha/utterance"));
            assertTrue(!new RobotTopics("alpha").all().matches("robot/alpha2/command"));
        }
        assertTrue(new Speak("x", "en").kind().equals("speak"));
    }
}
