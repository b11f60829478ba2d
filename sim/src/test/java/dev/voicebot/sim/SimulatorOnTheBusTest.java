package dev.voicebot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.command.CommandPublisher;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.ErrorReport;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.actuators.wire.Status;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as a controller on a real embedded broker: it moves, reports collisions, and its connection can be cut. */
class SimulatorOnTheBusTest {
    private static final java.util.concurrent.atomic.AtomicInteger ROBOTS = new java.util.concurrent.atomic.AtomicInteger();
    private static EmbeddedBroker broker;
    /** A robot of its own for each test, so that nothing retained by one test reaches the next. */
    private final RobotTopics topics = new RobotTopics("simbot" + ROBOTS.incrementAndGet());
    private final ObjectMapper json = WireJson.newMapper();
    private MqttBus client;
    private final AtomicReference<RobotState> state = new AtomicReference<>();
    private final List<ErrorReport> errors = new CopyOnWriteArrayList<>();
    private final List<Status> statuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void connect() throws Exception {
        client = MqttBus.connect(BusOptions.of(broker.uri(), "test-client-" + topics.robotId()));
        client.subscribe(TopicFilter.of(topics.state()), QoS.AT_MOST_ONCE, m -> {
            try {
                state.set(json.readValue(m.payload(), new TypeReference<Envelope<RobotState>>() { }).payload());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        client.subscribe(TopicFilter.of(topics.errors()), QoS.AT_LEAST_ONCE, m -> {
            try {
                errors.add(json.readValue(m.payload(), new TypeReference<Envelope<ErrorReport>>() { }).payload());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        client.subscribe(topics.allStatus(), QoS.AT_LEAST_ONCE, m -> {
            try {
                statuses.add(json.readValue(m.payload(), new TypeReference<Envelope<Status>>() { }).payload());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void movesOnACommandAndReportsACollisionAsAnError() throws Exception {
        SimConfig config = SimConfigs.with("sim: {timeScale: 4, obstacles: [{shape: circle, name: pillar, x: 1.0, y: 0, radius: 0.2}]}");
        try (Simulator sim = Simulator.start(config, topics, broker.uri())) {
            CommandPublisher commands = new CommandPublisher(client, topics, Duration.ofSeconds(5), ack -> { }).start();
            commands.publish(new Move(2, 0.5));
            await("the robot to move", () -> state.get() != null && state.get().x() > 0.1);
            await("the collision report", () -> !errors.isEmpty());
            ErrorReport report = errors.get(0);
            assertEquals(Simulator.SOURCE, report.source());
            assertTrue(report.message().contains("pillar"), report.message());
            await("an idle state", () -> state.get().idle() && state.get().collision() != null);
            assertEquals(1.0 - 0.2 - 0.25, state.get().x(), 0.02);
            assertEquals("obstacle 'pillar'", state.get().collision());
            commands.publish(new Move(-0.5, 0.5));
            await("the robot to back away", () -> state.get().x() < 0.1 && state.get().idle());
            assertEquals(0.05, state.get().x(), 0.02);
        }
    }

    @Test
    void aControllerThatDisconnectsLeavesItsLastWillAndHalts() throws Exception {
        SimConfig config = SimConfigs.with("sim: {faults: {disconnectAfter: 1s}}");
        try (Simulator sim = Simulator.start(config, topics, broker.uri())) {
            CommandPublisher commands = new CommandPublisher(client, topics, Duration.ofSeconds(5), ack -> { }).start();
            commands.publish(new Move(3, 0.5));
            await("the robot to move", () -> state.get() != null && state.get().x() > 0.05);
            await("the last will", () -> statuses.stream().anyMatch(s -> s.state() == Status.State.OFFLINE));
            await("the robot to stop", () -> sim.robot().state().idle());
            double x = sim.robot().state().x();
            assertTrue(x < 1.0, "halted when the link dropped, at x=" + x);
        }
    }
}
