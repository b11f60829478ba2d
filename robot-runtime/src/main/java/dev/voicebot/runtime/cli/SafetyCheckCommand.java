package dev.voicebot.runtime.cli;

import dev.voicebot.brain.safety.Direction;
import dev.voicebot.brain.safety.SafetyCheckTool;
import dev.voicebot.brain.safety.SafetyFilter;
import dev.voicebot.config.RobotConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code robot safety check [--direction input|output]}: one text per line on stdin, one JSON object
 * per line on stdout: {@code {"text", "verdict", "categories", "score", "rewrite"?, "reply"?}}.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read texts (one per line) on stdin and print the safety verdict of each as a JSON line.")
public final class SafetyCheckCommand implements Callable<Integer> {
    @ParentCommand
    SafetyCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "input",
            description = "input (what a user said) or output (what the robot would say); default: ${DEFAULT-VALUE}.")
    String direction;

    @Override
    public Integer call() throws IOException {
        Direction dir;
        try {
            dir = Direction.fromWire(direction);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--direction: " + e.getMessage(), e);
        }
        RobotConfig config = parent.root.loadConfig();
        SafetyCheckTool tool = new SafetyCheckTool(SafetyFilter.withDefaultRules(config.safety()));
        BufferedReader in = new BufferedReader(new InputStreamReader(parent.root.context.in(), StandardCharsets.UTF_8));
        tool.run(in, parent.root.context.out(), dir);
        return Cli.OK;
    }
}
