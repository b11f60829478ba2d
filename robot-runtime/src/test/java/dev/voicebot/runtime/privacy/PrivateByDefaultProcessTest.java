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
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.runtime.audit.JsonLinesReader;
import dev.voicebot.runtime.audit.SafetyAudit;
import dev.voicebot.runtime.feedback.FeedbackReport;
import dev.voicebot.runtime.feedback.FeedbackStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 end to end: {@code robot run --input stdin --json} as its own process in an empty working
 * directory, with its data directory in a temporary folder. While it handles utterances its sockets
 * are listed (none to anything but loopback); everything it publishes (watched with an MQTT client
 * on {@code robot/+/#}), prints and stores is free of the personal data typed in; records past their
 * retention are gone after start; no audio is kept; the working directory stays empty.
 */
@EnabledOnOs(OS.LINUX)
class PrivateByDefaultProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> PERSONAL = List.of("jane.doe@example.com", "010-1234-5678", "4111 1111 1111 1111",
            "555-123-4567", "900101-1234567");

    @TempDir
    Path temp;

    @Test
    void typedSessionKeepsNothingPersonalAndTalksOnlyToLoopback() throws Exception {
        Path cwd = Files.createDirectories(temp.resolve("cwd"));
        Path data = Files.createDirectories(temp.resolve("data"));
        Path home = Files.createDirectories(temp.resolve("home"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path oldAudit = seed(data.resolve("audit").resolve("audit-20200101T000000000Z.jsonl"), "{\"old\":true}\n", Duration.ofDays(40));
        Path oldFeedback = seed(data.resolve("feedback").resolve("feedback-20200101T000000000Z.jsonl"), "{\"old\":true}\n", Duration.ofDays(400));
        Path oldRecording = seed(data.resolve("recordings").resolve("utterance-20200101T000000000Z-1-en.wav"), "RIFF", Duration.ofDays(8));
        Path recentAudit = seed(data.resolve("audit").resolve("audit-20200102T000000000Z.jsonl"), "{\"recent\":true}\n", Duration.ofDays(2));

        List<BusMessage> published = new CopyOnWriteArrayList<>();
        List<List<OpenSockets.Socket>> snapshots = new ArrayList<>();
        Path stderr = temp.resolve("stderr.txt");
        try (RobotProcess robot = RobotProcess.start(cwd, tmp, stderr,
                Map.of("ROBOT_DATA_DIR", data.toString(), "HOME", home.toString()), "run", "--input", "stdin", "--json")) {
            JsonNode ready = robot.await("ready", e -> e.path("event").asText().equals("ready"), WAIT);
            String broker = ready.get("brokerUri").asText();
            assertTrue(broker.startsWith("tcp://127.0.0.1:"), broker);
            assertFalse(Files.exists(oldAudit), "an audit file past audit.retention.maxAge (30d) is deleted at start");
            assertFalse(Files.exists(oldFeedback), "a feedback file past its retention (365d) is deleted at start");
            assertFalse(Files.exists(oldRecording), "a recording past privacy.recordings.maxAge (7d) is deleted at start");
            assertTrue(Files.exists(recentAudit), "records within their retention stay");
            String brokerConfig;
            try (Stream<Path> files = Files.walk(tmp)) {
                Path xml = files.filter(p -> p.endsWith(Path.of("conf", "config.xml"))).findFirst().orElseThrow();
                brokerConfig = Files.readString(xml).replaceAll("\\s+", "");
            }
            assertTrue(brokerConfig.contains("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>"),
                    "HiveMQ's usage statistics are switched off: " + brokerConfig);

            try (MqttBus watcher = MqttBus.connect(BusOptions.of(broker, "privacy-watcher"))) {
                watcher.subscribe(new TopicFilter("robot/+/#"), QoS.AT_LEAST_ONCE, published::add);

                robot.type("my email is jane.doe@example.com and my phone is 010-1234-5678");
                JsonNode reply = robot.await("reply", e -> e.path("event").asText().equals("reply"), WAIT);
                snapshots.add(OpenSockets.of(robot.pid()));

                robot.type("move forward 0.2 meters");
                robot.await("command", e -> e.path("event").asText().equals("command"), WAIT);
                snapshots.add(OpenSockets.of(robot.pid()));

                robot.type("that was rude");
                robot.await("feedback", e -> e.path("event").asText().equals("feedback"), WAIT);

                String replyId = reply.get("msgId").asText();
                ObjectMapper json = WireJson.newMapper();
                watcher.publish(Publication.event(new RobotTopics("robot1").feedback(), json.writeValueAsBytes(Envelope.of("robot1",
                        Map.of("replyMsgId", replyId, "reason", "wrong", "comment", "card 4111 1111 1111 1111, call 555-123-4567, id 900101-1234567")))));
                robot.await("second feedback", e -> e.path("event").asText().equals("feedback") && e.path("via").asText().equals("mqtt"), WAIT);
                snapshots.add(OpenSockets.of(robot.pid()));
                watcher.awaitQuiet(2_000);
            }
            robot.endInput();
            assertEquals(0, robot.waitForExit(WAIT), robot.stdout());

            for (List<OpenSockets.Socket> sockets : snapshots) {
                assertFalse(sockets.isEmpty(), "the runtime has its MQTT connection open, so sockets must be seen");
                for (OpenSockets.Socket s : sockets) {
                    assertTrue(s.loopbackOnly(), "a socket not on loopback: " + s + " (all: " + sockets + ")");
                }
            }
            String out = robot.stdout();
            assertTrue(out.contains("[email]") && out.contains("[phone]"), out);
            assertNoPersonalData("stdout events", out);
        }

        assertEquals(List.of(), list(cwd), "the working directory stays empty");
        assertNoPersonalData("stderr log", Files.readString(stderr));

        String topics = published.stream().map(BusMessage::topic).distinct().sorted().collect(Collectors.joining(", "));
        for (String topic : List.of("robot/robot1/utterance", "robot/robot1/intents", "robot/robot1/reply", "robot/robot1/safety/events",
                "robot/robot1/feedback")) {
            assertTrue(published.stream().anyMatch(m -> m.topic().equals(topic)), "nothing seen on " + topic + "; seen: " + topics);
        }
        StringBuilder bus = new StringBuilder();
        for (BusMessage m : published) {
            if (!m.topic().equals("robot/robot1/feedback")) { // the report this test sent itself
                bus.append(m.topic()).append(' ').append(m.text()).append('\n');
            }
        }
        assertTrue(bus.toString().contains("my email is [email] and my phone is [phone]"), bus.toString());
        assertNoPersonalData("MQTT messages", bus.toString());

        List<JsonNode> audit = JsonLinesReader.read(data.resolve(SafetyAudit.DIRECTORY), SafetyAudit.PREFIX).records();
        String auditText = audit.toString();
        assertTrue(auditText.contains("my email is [email] and my phone is [phone]"), auditText);
        assertTrue(audit.stream().anyMatch(r -> r.path("kind").asText().equals("words")
                && r.path("event").path("words").path("direction").asText().equals("output")), auditText);
        assertNoPersonalData("audit log", auditText);

        List<FeedbackReport> reports = FeedbackStore.readAll(data.resolve(FeedbackStore.DIRECTORY));
        assertEquals(List.of("voice", "mqtt"), reports.stream().map(FeedbackReport::via).toList());
        assertEquals("that was rude", reports.get(0).comment());
        assertEquals("card [card], call [phone], id [id]", reports.get(1).comment());
        assertEquals("my email is [email] and my phone is [phone]", reports.get(1).utterance().text());
        assertNoPersonalData("feedback store", reports.toString());

        try (Stream<Path> all = Files.walk(data)) {
            List<Path> audio = all.filter(p -> p.toString().endsWith(".wav")).toList();
            assertEquals(List.of(), audio, "no audio is kept while privacy.recordAudio is false");
        }
        assertEquals(List.of(), list(tmp), "the broker's temporary folder is removed on exit");
    }

    private static Path seed(Path file, String content, Duration age) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static void assertNoPersonalData(String where, String text) {
        for (String p : PERSONAL) {
            assertFalse(text.contains(p), where + " contains \"" + p + "\":\n" + text);
        }
    }
}
