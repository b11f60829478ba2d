package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.controller.ControllerOptions;
import dev.voicebot.actuators.controller.MotorControllerNode;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.ErrorReport;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.SimConfig;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated robot as a motor controller on the bus: its own MQTT client, a physics clock at
 * {@code sim.physicsRateHz} (running {@code sim.timeScale} times real time), state published at
 * {@code sim.stateRateHz}, and what it has to report (collisions, faults, an empty battery) published
 * as error reports from source {@value #SOURCE}. Closing it halts the robot.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    /** The {@code source} of the error reports the simulator publishes. */
    public static final String SOURCE = "sim";

    private final SimulatedRobot robot;
    private final SimConfig config;
    private final MotorControllerNode node;
    private final MqttBus bus;
    private final RobotTopics topics;
    private final ScheduledExecutorService clock;
    private final ExecutorService reporter;
    private final ObjectMapper json = WireJson.newMapper();
    private boolean closed;

    private Simulator(SimulatedRobot robot, SimConfig config, MotorControllerNode node, MqttBus bus, RobotTopics topics,
                      ScheduledExecutorService clock, ExecutorService reporter) {
        this.robot = robot;
        this.config = config;
        this.node = node;
        this.bus = bus;
        this.topics = topics;
        this.clock = clock;
        this.reporter = reporter;
    }

    /** Connects to {@code brokerUri} as a controller for {@code topics.robotId()} and starts the clock. */
    public static Simulator start(SimConfig config, RobotTopics topics, String brokerUri) throws BusException {
        return start(config, topics, brokerUri, ControllerOptions.defaults(ensureNotNull(config, "config").stateRateHz()));
    }

    /**
     * As {@link #start(SimConfig, RobotTopics, String)}, with the controller's own protections (hard limits,
     * watchdog timeout, maximum command age, e-stop reset token) from {@code controllerOptions}.
     */
    public static Simulator start(SimConfig config, RobotTopics topics, String brokerUri, ControllerOptions controllerOptions)
            throws BusException {
        return start(config, topics, BusOptions.of(brokerUri, clientId(topics)), controllerOptions);
    }

    /** A client id for a simulator of {@code topics.robotId()}, unique per start. */
    public static String clientId(RobotTopics topics) {
        return "sim-" + topics.robotId() + "-" + Long.toHexString(System.nanoTime());
    }

    /**
     * As {@link #start(SimConfig, RobotTopics, String, ControllerOptions)}, connecting with {@code connection}
     * (for a broker that needs TLS or a password, build it with {@code ConfiguredBus.options}).
     */
    public static Simulator start(SimConfig config, RobotTopics topics, BusOptions connection, ControllerOptions controllerOptions)
            throws BusException {
        ensureNotNull(config, "config");
        ensureNotNull(controllerOptions, "controllerOptions");
        ensureNotNull(topics, "topics");
        ensureNotNull(connection, "connection");
        String brokerUri = connection.serverUri();
        SimulatedRobot robot = new SimulatedRobot(config);
        CuttableSocketFactory sockets = new CuttableSocketFactory();
        BusOptions options = connection.withWill(MotorControllerNode.lastWill(topics));
        if (config.faults().disconnectAfter() != null && brokerUri.startsWith("tcp://")) {
            options = options.withSocketFactory(sockets);
        }
        MqttBus bus = MqttBus.connect(options);
        MotorControllerNode node;
        try {
            node = MotorControllerNode.start(bus, topics, robot, controllerOptions);
        } catch (BusException e) {
            bus.close();
            throw e;
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-physics-" + topics.robotId()));
        ExecutorService reporter = Executors.newSingleThreadExecutor(r -> daemon(r, "sim-reports-" + topics.robotId()));
        Simulator sim = new Simulator(robot, config, node, bus, topics, clock, reporter);
        bus.onConnectionChange(connected -> {
            if (!connected) {
                log.warn("simulated robot '{}' lost its connection: halting", topics.robotId());
                robot.haltImmediately();
            }
        });
        long periodNanos = 1_000_000_000L / config.physicsRateHz();
        long[] last = {System.nanoTime()};
        clock.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            double dt = (now - last[0]) / 1e9;
            last[0] = now;
            try {
                robot.step(Math.min(dt, 0.25) * config.timeScale());
                List<SimEvent> events = robot.drainEvents();
                if (!events.isEmpty()) {
                    sim.report(events);
                }
            } catch (RuntimeException e) {
                log.error("simulation step failed; halting", e);
                robot.haltImmediately();
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        scheduleDisconnect(config, sockets, clock, topics);
        log.info("simulated robot '{}' started at ({}, {}) heading {}°", topics.robotId(), config.start().x(), config.start().y(), config.start().headingDeg());
        return sim;
    }

    private static void scheduleDisconnect(SimConfig config, CuttableSocketFactory sockets, ScheduledExecutorService clock, RobotTopics topics) {
        if (config.faults().disconnectAfter() == null) {
            return;
        }
        clock.schedule(() -> {
            log.warn("fault injection: cutting the connection of simulated robot '{}'", topics.robotId());
            sockets.cut();
            if (config.faults().reconnectAfter() != null) {
                clock.schedule(() -> {
                    log.info("fault injection: simulated robot '{}' may connect again", topics.robotId());
                    sockets.restore();
                }, config.faults().reconnectAfter().toNanos(), TimeUnit.NANOSECONDS);
            }
        }, config.faults().disconnectAfter().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void report(List<SimEvent> events) {
        try {
            reporter.execute(() -> {
                for (SimEvent e : events) {
                    if (!bus.isConnected()) {
                        log.warn("not reported (disconnected): {}", e.message());
                        continue;
                    }
                    try {
                        bus.publish(Publication.event(topics.errors(),
                                json.writeValueAsBytes(Envelope.of(topics.robotId(), new ErrorReport(SOURCE, topics.state().name(), e.message())))));
                    } catch (BusException | JsonProcessingException | RuntimeException ex) {
                        log.warn("could not report: {}", e.message(), ex);
                    }
                }
            });
        } catch (RejectedExecutionException closing) {
            log.debug("simulator closing; {} event(s) not reported", events.size());
        }
    }

    public SimulatedRobot robot() {
        return robot;
    }

    public SimConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        robot.haltImmediately();
        clock.shutdownNow();
        reporter.shutdown();
        try {
            reporter.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
    }
}
