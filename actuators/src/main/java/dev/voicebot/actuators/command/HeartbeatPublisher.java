package dev.voicebot.actuators.command;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.Heartbeat;
import dev.voicebot.actuators.wire.WireJson;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's heartbeat: a small QoS 0 message on {@code robot/{id}/heartbeat} every interval, never
 * retained and expiring at once, so a motor controller's watchdog sees the runtime alive only while it is.
 * Beats are simply skipped while disconnected.
 */
public final class HeartbeatPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HeartbeatPublisher.class);

    private final MqttBus bus;
    private final RobotTopics topics;
    private final Duration interval;
    private final String component;
    private final ObjectMapper json = WireJson.newMapper();
    private final AtomicLong seq = new AtomicLong();
    private final ScheduledExecutorService timer;

    private HeartbeatPublisher(MqttBus bus, RobotTopics topics, Duration interval, String component) {
        this.bus = bus;
        this.topics = topics;
        this.interval = interval;
        this.component = component;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-" + topics.robotId());
            t.setDaemon(true);
            return t;
        });
    }

    /** Publishes the first beat now (so a controller hears it before any command) and then every {@code interval}. */
    public static HeartbeatPublisher start(MqttBus bus, RobotTopics topics, Duration interval, String component) {
        HeartbeatPublisher h = new HeartbeatPublisher(ensureNotNull(bus, "bus"), ensureNotNull(topics, "topics"),
                ensureNotNull(interval, "interval"), ensureNotNull(component, "component"));
        h.beat();
        h.timer.scheduleAtFixedRate(h::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return h;
    }

    private void beat() {
        if (!bus.isConnected()) {
            return;
        }
        try {
            byte[] payload = json.writeValueAsBytes(Envelope.of(topics.robotId(), new Heartbeat(seq.getAndIncrement(), interval.toMillis(), component)));
            bus.publish(new Publication(topics.heartbeat(), payload, QoS.AT_MOST_ONCE, false, Optional.of(Duration.ofSeconds(1)),
                    Optional.empty(), Optional.empty()));
        } catch (BusException | JsonProcessingException | RuntimeException e) {
            log.debug("heartbeat not published", e);
        }
    }

    /** Beats published so far. */
    public long beats() {
        return seq.get();
    }

    /** Stops beating: the controllers' watchdogs will halt the robot. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
