package dev.voicebot.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.TopicFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The done-when test of "runs as a real service": {@code java -jar robot.jar run} as a separate process in
 * an empty working directory, asked for {@code /readyz} and {@code /metrics}, sent SIGTERM while the
 * simulated robot moves. The robot must end stopped short of its goal, the runtime must say it is
 * offline, the process must be gone within 5 seconds, and the working directory must still be empty.
 * Runs in the {@code verify} phase (maven-failsafe) because it needs the packaged jar.
 */
class ServiceProcessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROBOT = "robot1";

    @TempDir
    Path tmp;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("robot.jar", "target/robot.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: this test runs in `mvn verify`, after the package phase builds it");
        }
        return jar;
    }

    @Test
    void sigtermWhileMovingStopsTheRobotSaysOfflineAndExitsWithinFiveSeconds() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path data = tmp.resolve("data");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Djava.io.tmpdir=" + javaTmp, "-jar", jar().toString(),
                "--log-format", "json", "run", "--input", "stdin", "--json")
                .directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("ROBOT_") || k.startsWith("XDG_"));
        env.put("HOME", home.toString());
        env.put("ROBOT_DATA_DIR", data.toString());
        env.put("ROBOT_MODELS_DIR", tmp.resolve("models").toString());
        process = pb.start();

        BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        List<String> stderr = new CopyOnWriteArrayList<>();
        pump(process.getInputStream(), stdout::add, "robot-stdout");
        Thread errPump = pump(process.getErrorStream(), stderr::add, "robot-stderr");

        JsonNode ready = awaitEvent(stdout, "ready", Duration.ofSeconds(90), stderr);
        String brokerUri = ready.get("brokerUri").asText();
        int httpPort = ready.get("httpPort").asInt();
        assertTrue(httpPort > 0, ready.toString());
        assertTrue(brokerUri.startsWith("tcp://127.0.0.1:"), ready.toString());

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI base = URI.create("http://127.0.0.1:" + httpPort);
        assertEquals(200, get(http, base.resolve("/healthz")).statusCode());
        awaitTrue(() -> statusOf(http, base.resolve("/readyz")) == 200, Duration.ofSeconds(15), "/readyz never answered 200");
        JsonNode readiness = JSON.readTree(get(http, base.resolve("/readyz")).body());
        assertTrue(readiness.at("/checks/broker/ok").asBoolean(), readiness.toString());

        AtomicReference<JsonNode> lastState = new AtomicReference<>();
        List<String> statuses = new CopyOnWriteArrayList<>();
        try (MqttBus watcher = MqttBus.connect(BusOptions.of(brokerUri, "it-watcher"))) {
            watcher.subscribe(TopicFilter.of(new RobotTopics(ROBOT).state()), QoS.AT_MOST_ONCE, m -> lastState.set(payload(m.payload())));
            watcher.subscribe(TopicFilter.of(new RobotTopics(ROBOT).status("runtime")), QoS.AT_LEAST_ONCE,
                    m -> statuses.add(payload(m.payload()).path("state").asText()));

            OutputStream stdin = process.getOutputStream();
            stdin.write("move forward two meters\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush(); // stdin stays open: the runtime keeps running until it is told to stop

            awaitTrue(() -> lastState.get() != null && lastState.get().path("x").asDouble() > 0.2
                    && lastState.get().path("activity").asText().equals("moving"), Duration.ofSeconds(15), "the robot never started moving");

            String metrics = get(http, base.resolve("/metrics")).body();
            assertTrue(metrics.contains("robot_utterances_total{source=\"stdin\"} 1.0"), metrics);
            assertTrue(metrics.contains("robot_intents_total{kind=\"move\",path=\"fast\"} 1.0"), metrics);
            assertTrue(metrics.contains("robot_stage_latency_seconds_count{stage=\"publish\"} 1"), metrics);
            assertTrue(metrics.contains("robot_stage_latency_seconds_bucket{stage=\"asr\""), "every stage has a histogram");
            assertTrue(metrics.contains("robot_mqtt_reconnects_total 0.0"), metrics);

            long signalled = System.nanoTime();
            // SIGTERM through the handle: Process.destroy() would also close our ends of the pipes, and we
            // want to read what the runtime logs while it shuts down
            assertTrue(process.toHandle().destroy(), "SIGTERM sent");
            boolean gone = process.waitFor(5, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - signalled) / 1_000_000;
            assertTrue(gone, "the runtime was still running 5 s after SIGTERM; stderr:\n" + String.join("\n", stderr));
            System.out.println("SIGTERM to exit: " + tookMs + " ms (exit code " + process.exitValue() + ")");

            JsonNode finalState = lastState.get();
            assertNotNull(finalState);
            assertEquals("idle", finalState.path("activity").asText(), "the robot was stopped: " + finalState);
            double x = finalState.path("x").asDouble();
            assertTrue(x > 0.2 && x < 2.0, "stopped short of the 2 m goal: x=" + x);
            assertTrue(statuses.contains("offline"), "the runtime published its offline status: " + statuses);
        }

        errPump.join(5_000); // everything the process wrote before it ended
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(List.of(), left.toList(), "nothing may be written into the working directory");
        }
        List<String> logLines = stderr.stream().filter(l -> !l.isBlank()).toList();
        assertTrue(logLines.stream().anyMatch(l -> l.startsWith("{") && l.contains("\"level\"")), "JSON log lines on stderr: " + logLines);
        assertTrue(logLines.stream().anyMatch(l -> l.contains("robot models pull whisper-base")),
                "says which command fetches the missing speech model: " + logLines);
        assertTrue(logLines.stream().anyMatch(l -> l.contains("shutting down (at most")), "the graceful shutdown ran: " + logLines);
    }

    private static JsonNode payload(byte[] bytes) {
        try {
            return JSON.readTree(bytes).path("payload");
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int statusOf(HttpClient http, URI uri) {
        try {
            return get(http, uri).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String message) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(message);
            }
            Thread.sleep(20);
        }
    }

    private JsonNode awaitEvent(BlockingQueue<String> lines, String kind, Duration timeout, List<String> stderr) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    fail("the runtime exited with " + process.exitValue() + " before '" + kind + "'; stderr:\n" + String.join("\n", stderr));
                }
                continue;
            }
            JsonNode node = JSON.readTree(line);
            if (kind.equals(node.path("event").asText())) {
                return node;
            }
        }
        fail("no '" + kind + "' event within " + timeout.toSeconds() + " s; stderr:\n" + String.join("\n", stderr));
        return null;
    }

    private interface LineSink {
        void accept(String line);
    }

    private static Thread pump(java.io.InputStream in, LineSink sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
