package dev.voicebot.runtime.scenario;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.config.SimConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A scripted scenario: a name, where the robot starts, configuration to lay over the usual one (an
 * obstacle, a fault), and the steps to run against a fresh broker, simulator and runtime.
 */
public record Scenario(String name, Path file, Optional<SimConfig.StartPose> robot, Optional<ObjectNode> config, List<Step> steps) {
    public Scenario {
        ensureNotBlank(name, "name");
        ensureNotNull(file, "file");
        ensureNotNull(robot, "robot");
        ensureNotNull(config, "config");
        steps = List.copyOf(ensureNotNull(steps, "steps"));
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
    }
}
