package dev.voicebot.runtime.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.broker.EmbeddedBroker;
import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.sim.Simulator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Killing the broker during a move stops the simulated robot within the watchdog time, and it stays
 * stopped after the broker returns (same port) until a new command arrives.
 */
class BrokerLossTest {

    private static void await(java.util.function.BooleanSupplier c, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void theSimulatedRobotHaltsWhenTheBrokerDiesAndWaitsForANewCommand() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
        int port = broker.port();
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_MQTT_URL", broker.uri(),
                "ROBOT_SIM_ENABLED", "false", "ROBOT_MQTT_RECONNECT_MAX_DELAY", "1s"));
        Duration watchdog = config.mqtt().watchdogTimeout();
        try (Simulator sim = Simulator.start(config.sim(), new dev.voicebot.actuators.bus.RobotTopics(config.robot().id()), broker.uri());
             RobotRuntime runtime = RobotRuntime.start(config, EventSink.none())) {
            runtime.handleText("move forward three meters", null, "test");
            await(() -> sim.robot().state().x() > 0.2, Duration.ofSeconds(20), "moving");

            broker.close();
            long killed = System.nanoTime();
            await(() -> sim.robot().state().activity() != RobotState.Activity.MOVING, watchdog.plusSeconds(2), "halted");
            long haltedMs = (System.nanoTime() - killed) / 1_000_000;
            assertTrue(haltedMs <= watchdog.toMillis() + 500, "halted " + haltedMs + " ms after the broker died (watchdog " + watchdog.toMillis() + " ms)");
            double stoppedAt = sim.robot().state().x();
            assertTrue(stoppedAt < 2.9, "stopped short of 3 m: " + stoppedAt);

            RobotState lastBeforeRestart = runtime.lastState().orElseThrow();
            broker = EmbeddedBroker.start("127.0.0.1", port);
            await(() -> runtime.lastState().orElseThrow() != lastBeforeRestart, Duration.ofSeconds(30), "reconnected, state flowing again");
            Thread.sleep(config.mqtt().watchdogTimeout().toMillis()); // heartbeats flow again for a while: still nothing moves
            RobotState still = sim.robot().state();
            assertEquals(stoppedAt, still.x(), 1e-9, "nothing resumed after the reconnect");
            assertTrue(still.idle(), still.toString());

            runtime.handleText("move forward one meter", null, "test");
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(stoppedAt + 1.0, sim.robot().state().x(), 0.05, "a new command moves it again");
        } finally {
            broker.close();
        }
    }
}
