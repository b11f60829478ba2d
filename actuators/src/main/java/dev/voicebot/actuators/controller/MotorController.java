package dev.voicebot.actuators.controller;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.wire.RobotState;

/**
 * The hardware side of a robot (or the simulator): what a {@link MotorControllerNode} drives.
 * Implementations must be thread-safe: commands arrive on the bus thread, state is read by the publisher.
 */
public interface MotorController {
    /** Queues or applies one accepted, validated command. Never called with {@code Stop}: see {@link #halt()}. */
    void execute(String commandId, Intent intent);

    /** Stops all motion at once and drops every queued command. */
    void halt();

    /** The current state, as published on the state topic. */
    RobotState state();
}
