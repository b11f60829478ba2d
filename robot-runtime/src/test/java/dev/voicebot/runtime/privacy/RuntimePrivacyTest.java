package dev.voicebot.runtime.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.audit.JsonLinesReader;
import dev.voicebot.runtime.audit.SafetyAudit;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The privacy switches inside a running runtime on the real embedded broker: transcripts kept off
 * the bus, the opt-in recording, and reports over MQTT that are malformed or name no known reply.
 */
class RuntimePrivacyTest {
    @TempDir
    Path temp;

    private static RobotConfig config(Map<String, String> env) {
        return new ConfigLoader().load(Optional.empty(), env);
    }

    private static long count(List<BusMessage> messages, String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).count();
    }

    private static void awaitCount(List<BusMessage> messages, String topic, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count(messages, topic) < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void withTranscriptsOffWhatPeopleSaidNeverReachesTheBus() throws Exception {
        List<BusMessage> seen = new CopyOnWriteArrayList<>();
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        DataDirectory data = new DataDirectory(temp.resolve("data"));
        try (RobotRuntime runtime = RobotRuntime.start(config(Map.of("ROBOT_PRIVACY_PUBLISH_TRANSCRIPTS", "false")), events::add,
                Optional.of(data));
             MqttBus watcher = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "transcripts-watcher"))) {
            watcher.subscribe(new TopicFilter("robot/+/#"), QoS.AT_LEAST_ONCE, seen::add);
            runtime.handleText("tell me about the secret garden party", "en", "test");
            runtime.handleText("you are a stupid useless robot", "en", "test");
            runtime.handleText("turn left 10 degrees", "en", "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)));
            awaitCount(seen, "robot/robot1/intents", 3);
            awaitCount(seen, "robot/robot1/reply", 2);
            watcher.awaitQuiet(2_000);
        }
        assertEquals(0, count(seen, "robot/robot1/utterance"), "no utterance messages at all");
        assertEquals(3, count(seen, "robot/robot1/intents"));
        assertEquals(2, count(seen, "robot/robot1/reply"), "replies are still published");
        ObjectMapper json = new ObjectMapper();
        for (BusMessage m : seen) {
            String text = m.text();
            assertFalse(text.contains("secret garden") || text.contains("stupid useless") || text.contains("left 10 degrees"),
                    "what was said is on " + m.topic() + ": " + text);
            if (m.topic().equals("robot/robot1/intents")) {
                JsonNode payload = json.readTree(text).get("payload");
                assertFalse(payload.has("text"), text);
                assertTrue(payload.has("intents") && payload.has("path"), text);
            }
        }
        assertTrue(seen.stream().anyMatch(m -> m.topic().equals("robot/robot1/safety/events") && m.text().contains("\"blocked\"")),
                "the blocked insult is announced, without its text");
        String audit = JsonLinesReader.read(data.root().resolve(SafetyAudit.DIRECTORY), SafetyAudit.PREFIX).records().toString();
        assertTrue(audit.contains("stupid useless"), "the audit log on this machine keeps what was checked: " + audit);
        assertTrue(events.stream().anyMatch(e -> e instanceof RuntimeEvent.Safety s && "blocked".equals(s.decision())), events.toString());
    }

    @Test
    void recordingKeepsAudioOnlyWhenSwitchedOn() throws Exception {
        float[] speech = new float[16_000];
        for (int i = 0; i < speech.length; i++) {
            speech[i] = (float) Math.sin(i / 10.0) * 0.3f;
        }
        DataDirectory off = new DataDirectory(temp.resolve("off"));
        try (RobotRuntime runtime = RobotRuntime.start(config(Map.of("ROBOT_SIM_ENABLED", "false")), e -> { }, Optional.of(off))) {
            assertEquals(Optional.empty(), runtime.recorder().record(speech, "en"));
        }
        assertFalse(Files.exists(off.root().resolve(UtteranceRecorder.DIRECTORY)));
        DataDirectory on = new DataDirectory(temp.resolve("on"));
        try (RobotRuntime runtime = RobotRuntime.start(config(Map.of("ROBOT_SIM_ENABLED", "false", "ROBOT_PRIVACY_RECORD_AUDIO", "true")),
                e -> { }, Optional.of(on))) {
            Path wav = runtime.recorder().record(speech, "en").orElseThrow();
            assertTrue(wav.startsWith(on.root().resolve(UtteranceRecorder.DIRECTORY)), wav.toString());
            assertTrue(Files.exists(on.root().resolve(DataDirectory.MARKER)), "created as the data directory, with its marker");
        }
        try (Stream<Path> files = Files.list(on.root().resolve(UtteranceRecorder.DIRECTORY))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".wav")).count());
        }
    }

    @Test
    void badReportsOverMqttBecomeErrorEventsAndTheRobotGoesOn() throws Exception {
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config(Map.of()), events::add);
             MqttBus sender = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "bad-reporter"))) {
            for (String payload : List.of("{", "[]", "{\"schemaVersion\":1,\"msgId\":\"x\",\"ts\":1,\"robotId\":\"robot1\",\"payload\":{}}",
                    "{\"schemaVersion\":1,\"msgId\":\"x\",\"ts\":1,\"robotId\":\"robot1\",\"payload\":{\"replyMsgId\":\"nope\"}}")) {
                sender.publish(Publication.event(runtime.topics().feedback(), payload.getBytes(StandardCharsets.UTF_8)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (events.stream().filter(e -> e instanceof RuntimeEvent.Error err && err.source().equals("feedback")).count() < 4
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> errors = events.stream().filter(e -> e instanceof RuntimeEvent.Error err && err.source().equals("feedback"))
                    .map(e -> ((RuntimeEvent.Error) e).message()).toList();
            assertEquals(4, errors.size(), events.toString());
            assertTrue(errors.get(3).contains("nope"), errors.get(3));
            runtime.handleText("move forward 0.1 meters", "en", "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)), "the robot still works");
        }
    }
}
