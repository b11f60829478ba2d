package dev.voicebot.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.CliHarness;
import dev.voicebot.sim.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The web view without a browser: {@code robot sim} and {@code robot run} announce it, it serves only
 * its own assets, refuses WebSockets from other origins, and with the simulator alone its E-STOP
 * reaches the controller over the bus.
 */
class WebCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void robotSimServesTheViewAndSaysWhere() {
        CliHarness r = CliHarness.run("", Map.of(), "sim", "--for", "1s", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode ready = r.events("ready").get(0);
        assertTrue(ready.get("webUrl").asText().matches("http://127\\.0\\.0\\.1:\\d+/"), ready.toString());
        assertTrue(ready.get("simulator").asBoolean());
        assertEquals("stopped", r.jsonLines().get(r.jsonLines().size() - 1).get("event").asText());

        CliHarness bad = CliHarness.run("", Map.of(), "sim", "--for", "soon");
        assertEquals(2, bad.exitCode(), bad.stderr());
        CliHarness loopbackOnly = CliHarness.run("", Map.of("ROBOT_WEB_HOST", "0.0.0.0"), "sim", "--for", "1s");
        assertEquals(2, loopbackOnly.exitCode());
        assertTrue(loopbackOnly.stderr().contains("web.host"), loopbackOnly.stderr());
    }

    @Test
    void robotRunAnnouncesTheViewInItsReadyEvent() {
        CliHarness r = CliHarness.run("wave\n", Map.of(), "run", "--json");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.events("ready").get(0).get("webUrl").asText().startsWith("http://127.0.0.1:"), r.stdout());
        CliHarness off = CliHarness.run("", Map.of("ROBOT_WEB_ENABLED", "false"), "run", "--json");
        assertEquals(0, off.exitCode(), off.stderr());
        assertTrue(!off.events("ready").get(0).has("webUrl"), off.stdout());
    }

    @Test
    void withTheSimulatorAloneEstopReachesTheControllerAndOtherOriginsAreRefused() throws Exception {
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of());
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
             Simulator sim = Simulator.start(config.sim(), new RobotTopics(config.robot().id()), broker.uri());
             WebView web = WebView.start(config, VoiceInput.notConfigured("none here"))) {
            web.attachBroker(broker.uri());
            URI base = web.url();

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(base).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("id=\"estop\""));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
            assertEquals(200, http.send(HttpRequest.newBuilder(base.resolve("/app.js")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            int traversal = http.send(HttpRequest.newBuilder(URI.create(base + "../../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(traversal == 400 || traversal == 404, "no file system behind the page: " + traversal);
            assertEquals(404, http.send(HttpRequest.newBuilder(base.resolve("/web/app.js")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

            URI ws = URI.create("ws://127.0.0.1:" + base.getPort() + "/ws");
            CompletionException refused = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> http.newWebSocketBuilder().header("Origin", "http://evil.example").buildAsync(ws, new Collector()).join());
            assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 403,
                    refused.toString());

            Collector frames = new Collector();
            WebSocket socket = http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + base.getPort()).buildAsync(ws, frames).join();
            JsonNode hello = frames.await(f -> f.path("type").asText().equals("hello"));
            assertEquals("sim", hello.get("mode").asText());
            assertEquals("robot1", hello.get("robotId").asText());
            frames.await(f -> f.path("type").asText().equals("state") && f.path("controller").asText().equals("online") && !f.path("estop").asBoolean());

            socket.sendText("{\"type\":\"say\",\"text\":\"move forward\"}", true).join();
            frames.await(f -> f.path("event").path("message").asText().contains("robot sim"));

            socket.sendText("{\"type\":\"estop\"}", true).join();
            frames.await(f -> f.path("type").asText().equals("state") && f.path("estop").asBoolean());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!sim.robot().state().idle() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            socket.sendText("{\"type\":\"style\",\"tone\":\"formal\",\"detail\":\"brief\",\"speechLevel\":\"casual\"}", true).join();
            frames.await(f -> f.path("event").path("event").asText().equals("style") && f.path("event").path("tone").asText().equals("formal"));
            socket.sendText("{\"type\":\"style\",\"tone\":\"grumpy\",\"detail\":\"brief\",\"speechLevel\":\"casual\"}", true).join();
            frames.await(f -> f.path("event").path("message").asText().contains("tone"));
            socket.sendText("{\"type\":\"reset\"}", true).join();
            frames.await(f -> f.path("type").asText().equals("state") && !f.path("estop").asBoolean());
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }

    /** Collects the JSON frames a page would get. */
    private static final class Collector implements WebSocket.Listener {
        private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(partial.toString());
                    frames.add(node);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode await(Predicate<JsonNode> test) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode f : frames) {
                    if (test.test(f)) {
                        return f;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no such frame; got " + frames.stream().map(JsonNode::toString).reduce((a, b) -> a + "\n" + b).orElse("nothing"));
        }
    }
}
