package dev.voicebot.runtime.ops;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.bus.MqttBus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The runtime's measurements, served in Prometheus format on {@code /metrics}. One instance per
 * runtime; every method is thread-safe and cheap, so any part of the runtime may call it on its hot path.
 *
 * <pre>{@code
 * try (Metrics.Span span = metrics.start(Stage.ASR)) { ... }        // latency histogram per stage
 * metrics.record(Stage.LLM_FIRST_TOKEN, elapsed);
 * metrics.refusal("self_harm");                                    // counters
 * }</pre>
 *
 * Names in Prometheus: {@code robot_stage_latency_seconds{stage=...}} (histogram),
 * {@code robot_utterances_total{source}}, {@code robot_intents_total{kind,path}},
 * {@code robot_refusals_total{reason}}, {@code robot_mqtt_reconnects_total},
 * {@code robot_mqtt_dropped_messages_total}, plus JVM memory, threads, CPU and uptime.
 */
public final class Metrics {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30),
    };

    private final PrometheusMeterRegistry registry;
    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public Metrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (Stage s : Stage.values()) {
            timers.put(s, Timer.builder("robot.stage.latency")
                    .description("Latency of one step of handling an utterance")
                    .tag("stage", s.tag())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A running measurement of one stage; closing it records the elapsed time once. */
    public static final class Span implements AutoCloseable {
        private final Timer timer;
        private final long startNanos = System.nanoTime();
        private boolean done;

        private Span(Timer timer) {
            this.timer = timer;
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                timer.record(Duration.ofNanos(System.nanoTime() - startNanos));
            }
        }
    }

    /** Starts timing {@code stage}: {@code try (var span = metrics.start(Stage.PUBLISH)) { ... }}. */
    public Span start(Stage stage) {
        return new Span(timer(stage));
    }

    /** The histogram of {@code stage}, for callers that measure themselves. */
    public Timer timer(Stage stage) {
        return timers.get(ensureNotNull(stage, "stage"));
    }

    public void record(Stage stage, Duration elapsed) {
        timer(stage).record(ensureNotNull(elapsed, "elapsed"));
    }

    /** One utterance arrived from {@code source} (stdin, mic, wav, web, ...). */
    public void utterance(String source) {
        Counter.builder("robot.utterances").description("Utterances heard or typed")
                .tag("source", label(source)).register(registry).increment();
    }

    /** The brain produced one intent of {@code kind} on {@code path} (fast, llm). */
    public void intent(String kind, String path) {
        Counter.builder("robot.intents").description("Intents produced by the brain")
                .tag("kind", label(kind)).tag("path", label(path)).register(registry).increment();
    }

    /** Something was refused (safety filter, motion limits, ...) for {@code reason}. */
    public void refusal(String reason) {
        Counter.builder("robot.refusals").description("Refusals by reason")
                .tag("reason", label(reason)).register(registry).increment();
    }

    /** Exposes a bus's reconnect and dropped-message counts (read when scraped). */
    public void bindBus(MqttBus bus) {
        ensureNotNull(bus, "bus");
        FunctionCounter.builder("robot.mqtt.reconnects", bus, MqttBus::reconnects)
                .description("Automatic reconnects of the runtime's MQTT connection").register(registry);
        FunctionCounter.builder("robot.mqtt.dropped.messages", bus, MqttBus::droppedMessages)
                .description("Inbound MQTT messages dropped because the queue was full").register(registry);
    }

    /** The Micrometer registry, for meters this facade does not cover. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /** Label values come from code, but keep them bounded and Prometheus-safe anyway. */
    static String label(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_");
        return v.length() > 48 ? v.substring(0, 48) : v;
    }
}
