package dev.voicebot.runtime.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code robot safety}: the safety filter's tools. */
@Command(name = "safety", mixinStandardHelpOptions = true,
        description = "The safety filter: check texts as the robot would.",
        subcommands = {SafetyCheckCommand.class})
public final class SafetyCommand implements Runnable {
    @ParentCommand
    RobotCommand root;

    @Override
    public void run() {
        picocli.CommandLine.usage(this, root.context.out());
    }
}
