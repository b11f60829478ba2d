package dev.voicebot.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.config.HttpConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The health, readiness and metrics endpoints over real HTTP on loopback. */
class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ops.uri() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReadinessAndMetrics() throws Exception {
        Metrics metrics = new Metrics();
        Readiness readiness = new Readiness();
        AtomicBoolean connected = new AtomicBoolean(false);
        readiness.register("broker", () -> connected.get() ? Readiness.ok("connected") : Readiness.notReady("not connected"));
        try (OpsServer ops = OpsServer.start(new HttpConfig(true, "127.0.0.1", 0), metrics, readiness)) {
            assertTrue(ops.port() > 0);
            assertTrue(ops.uri().startsWith("http://127.0.0.1:"));
            HttpResponse<String> health = get(ops, "/healthz");
            assertEquals(200, health.statusCode());
            assertEquals("ok", health.body().strip());

            HttpResponse<String> starting = get(ops, "/readyz");
            assertEquals(503, starting.statusCode());
            JsonNode body = new ObjectMapper().readTree(starting.body());
            assertEquals("starting", body.at("/checks/lifecycle/detail").asText());
            readiness.markStarted();
            HttpResponse<String> noBroker = get(ops, "/readyz");
            assertEquals(503, noBroker.statusCode());
            assertEquals("not connected", new ObjectMapper().readTree(noBroker.body()).at("/checks/broker/detail").asText());
            connected.set(true);
            assertEquals(200, get(ops, "/readyz").statusCode());
            readiness.markStopping();
            assertEquals(503, get(ops, "/readyz").statusCode());

            metrics.record(Stage.PUBLISH, Duration.ofMillis(3));
            metrics.record(Stage.ASR, Duration.ofMillis(700));
            metrics.utterance("stdin");
            metrics.intent("move", "fast");
            metrics.refusal("Self Harm!");
            HttpResponse<String> scrape = get(ops, "/metrics");
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            String text = scrape.body();
            assertTrue(text.contains("robot_stage_latency_seconds_bucket{stage=\"publish\",le=\"0.005\"} 1"), text);
            assertTrue(text.contains("robot_stage_latency_seconds_bucket{stage=\"asr\",le=\"0.5\"} 0"), text);
            assertTrue(text.contains("robot_stage_latency_seconds_bucket{stage=\"asr\",le=\"1.0\"} 1"), text);
            for (Stage s : Stage.values()) {
                assertTrue(text.contains("robot_stage_latency_seconds_count{stage=\"" + s.tag() + "\"}"), "every stage is exported: " + s);
            }
            assertTrue(text.contains("robot_utterances_total{source=\"stdin\"} 1"), text);
            assertTrue(text.contains("robot_intents_total{kind=\"move\",path=\"fast\"} 1"), text);
            assertTrue(text.contains("robot_refusals_total{reason=\"self_harm_\"} 1"), text);

            assertEquals(404, get(ops, "/nothing").statusCode());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(ops.uri() + "/healthz"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (OpsServer first = OpsServer.start(new HttpConfig(true, "127.0.0.1", 0), new Metrics(), new Readiness())) {
            OpsServerException e = assertThrows(OpsServerException.class,
                    () -> OpsServer.start(new HttpConfig(true, "127.0.0.1", first.port()), new Metrics(), new Readiness()));
            assertTrue(e.getMessage().contains("http.port " + first.port()) && e.getMessage().contains("already in use"), e.getMessage());
        }
    }

    @Test
    void aProbeThatThrowsIsNotReadyRatherThanAnError() {
        Readiness r = new Readiness();
        r.markStarted();
        r.register("model", () -> {
            throw new IllegalStateException("not loaded");
        });
        assertTrue(!r.ready());
        assertTrue(r.evaluate().get(1).detail().contains("not loaded"));
    }
}
