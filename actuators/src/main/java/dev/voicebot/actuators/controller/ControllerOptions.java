package dev.voicebot.actuators.controller;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.config.MotionLimitsConfig;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.config.Secret;
import java.time.Duration;
import java.util.Optional;

/**
 * How a {@link MotorControllerNode} protects its robot by itself.
 *
 * @param stateRateHz      retained state messages per second
 * @param limits           hard limits applied again to every command
 * @param watchdogTimeout  halt when the runtime's heartbeat has been silent this long
 * @param requireHeartbeat refuse motion until a heartbeat is heard; when false the watchdog arms at the
 *                         first heartbeat (for a controller driven without a runtime, e.g. in a test)
 * @param maxCommandAge    refuse a command whose envelope {@code ts} is older than this (also covers a
 *                         broker that ignores the MQTT 5 message expiry)
 * @param estopResetToken  the token an e-stop reset must carry; empty: follow the runtime's resets
 */
public record ControllerOptions(int stateRateHz, HardLimits limits, Duration watchdogTimeout, boolean requireHeartbeat,
                                Duration maxCommandAge, Optional<Secret> estopResetToken) {
    public ControllerOptions {
        ensureRange(stateRateHz, 1, 1000, "stateRateHz");
        ensureNotNull(limits, "limits");
        ensureRange(watchdogTimeout, Duration.ofMillis(20), Duration.ofMinutes(5), "watchdogTimeout");
        ensureRange(maxCommandAge, Duration.ofMillis(100), Duration.ofMinutes(10), "maxCommandAge");
        ensureNotNull(estopResetToken, "estopResetToken");
    }

    /** The shipped defaults: limits as the default motion limits, a 1 s watchdog armed by the first heartbeat, 5 s command age. */
    public static ControllerOptions defaults(int stateRateHz) {
        return new ControllerOptions(stateRateHz, HardLimits.of(MotionLimitsConfig.defaults()), Duration.ofSeconds(1), false,
                Duration.ofSeconds(5), Optional.empty());
    }

    /**
     * For a controller the runtime starts in its own process (the simulator): everything from the robot's
     * configuration (motion limits, {@code mqtt.watchdogTimeout}, {@code mqtt.commandExpiry} as the maximum
     * command age, {@code motion.estop.resetToken}); the watchdog arms at the first heartbeat, so the first
     * command can never race the first heartbeat.
     */
    public static ControllerOptions inProcess(RobotConfig config) {
        return new ControllerOptions(config.sim().stateRateHz(), HardLimits.of(config.motion().limits()), config.mqtt().watchdogTimeout(),
                false, config.mqtt().commandExpiry(), Optional.ofNullable(config.motion().estop().resetToken()));
    }

    /** From the robot's configuration: motion limits, watchdog timeout, command expiry, e-stop token; heartbeat required. */
    public static ControllerOptions of(RobotConfig config, int stateRateHz, Optional<Secret> estopResetToken) {
        return new ControllerOptions(stateRateHz, HardLimits.of(config.motion().limits()), config.mqtt().watchdogTimeout(), true,
                config.mqtt().commandExpiry(), estopResetToken);
    }
}
