package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.style.Detail;
import dev.voicebot.brain.style.SpeechLevel;
import dev.voicebot.brain.style.Tone;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The response style changes by voice and over MQTT while the runtime runs. */
class StyleEndToEndTest {
    @Test
    void styleChangesByVoiceAndOverMqtt() throws Exception {
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(new ConfigLoader().load(Optional.empty(), Map.of()), seen::add);
             MqttBus panel = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "style-panel"))) {
            BrainResult brief = runtime.handleText("please answer more briefly", null, "test");
            assertEquals(Detail.BRIEF, runtime.replyStyle().detail());
            assertTrue(brief.intents().isEmpty());
            assertTrue(brief.reply().startsWith("OK"), brief.reply());

            BrainResult casual = runtime.handleText("반말로 해도 돼", null, "test");
            assertEquals(SpeechLevel.CASUAL, runtime.replyStyle().speechLevel());
            assertEquals("응, 앞으로 그렇게 말할게.", casual.reply());

            Topic style = new Topic("robot/" + runtime.topics().robotId() + "/style");
            panel.publish(Publication.retained(style, ("{\"schemaVersion\":1,\"msgId\":\"s1\",\"ts\":1,\"robotId\":\"robot1\","
                    + "\"payload\":{\"tone\":\"formal\",\"detail\":\"detailed\",\"speechLevel\":\"polite\",\"source\":\"test\"}}")
                    .getBytes(StandardCharsets.UTF_8)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (runtime.replyStyle().tone() != Tone.FORMAL && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Tone.FORMAL, runtime.replyStyle().tone());
            assertEquals(Detail.DETAILED, runtime.replyStyle().detail());
            assertEquals(SpeechLevel.POLITE, runtime.replyStyle().speechLevel());

            panel.publish(Publication.event(style, "{\"schemaVersion\":1,\"msgId\":\"s2\",\"ts\":1,\"robotId\":\"robot1\",\"payload\":{\"tone\":\"rude\"}}"
                    .getBytes(StandardCharsets.UTF_8)));
            while (seen.stream().noneMatch(e -> e instanceof RuntimeEvent.Error err && err.source().equals("style")) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(seen.stream().anyMatch(e -> e instanceof RuntimeEvent.Error err && err.source().equals("style")), seen.toString());
            assertEquals(Tone.FORMAL, runtime.replyStyle().tone(), "a bad style message changes nothing");
            // commands still work as before
            assertEquals("fast", runtime.handleText("turn left", null, "test").path().wire());
        }
    }
}
