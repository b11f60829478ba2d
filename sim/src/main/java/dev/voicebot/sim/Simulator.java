package dev.voicebot.sim;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.controller.MotorControllerNode;
import dev.voicebot.config.SimConfig;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated robot as a motor controller on the bus: its own MQTT client, a physics clock at
 * {@code sim.physicsRateHz}, and state published at {@code sim.stateRateHz}. Closing it halts the robot.
 */
public final class Simulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    private final SimulatedRobot robot;
    private final MotorControllerNode node;
    private final ScheduledExecutorService clock;
    private boolean closed;

    private Simulator(SimulatedRobot robot, MotorControllerNode node, ScheduledExecutorService clock) {
        this.robot = robot;
        this.node = node;
        this.clock = clock;
    }

    /** Connects to {@code brokerUri} as a controller for {@code topics.robotId()} and starts the clock. */
    public static Simulator start(SimConfig config, RobotTopics topics, String brokerUri) throws BusException {
        ensureNotNull(config, "config");
        SimulatedRobot robot = new SimulatedRobot(config);
        MqttBus bus = MqttBus.connect(BusOptions.of(brokerUri, "sim-" + topics.robotId() + "-" + Long.toHexString(System.nanoTime()))
                .withWill(MotorControllerNode.lastWill(topics)));
        MotorControllerNode node;
        try {
            node = MotorControllerNode.start(bus, topics, robot, config.stateRateHz());
        } catch (BusException e) {
            bus.close();
            throw e;
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-physics-" + topics.robotId());
            t.setDaemon(true);
            return t;
        });
        long periodNanos = 1_000_000_000L / config.physicsRateHz();
        long[] last = {System.nanoTime()};
        clock.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            double dt = (now - last[0]) / 1e9;
            last[0] = now;
            try {
                robot.step(Math.min(dt, 0.25));
            } catch (RuntimeException e) {
                log.error("simulation step failed; halting", e);
                robot.halt();
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        log.info("simulated robot '{}' started at ({}, {}) heading {}°", topics.robotId(), config.start().x(), config.start().y(), config.start().headingDeg());
        return new Simulator(robot, node, clock);
    }

    public SimulatedRobot robot() {
        return robot;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        robot.halt();
        clock.shutdownNow();
        node.close();
    }
}
