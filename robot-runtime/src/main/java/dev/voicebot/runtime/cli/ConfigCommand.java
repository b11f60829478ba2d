package dev.voicebot.runtime.cli;

import dev.voicebot.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code robot config print}: the effective configuration as YAML. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Show the configuration.",
        subcommands = ConfigCommand.Print.class)
public final class ConfigCommand implements Runnable {
    @ParentCommand
    RobotCommand root;

    @Override
    public void run() {
        picocli.CommandLine.usage(this, root.context.out());
    }

    @Command(name = "print", mixinStandardHelpOptions = true,
            description = "Print the effective configuration (defaults, --config file, ROBOT_... variables).")
    static final class Print implements Runnable {
        @ParentCommand
        ConfigCommand config;

        @Override
        public void run() {
            ConfigLoader loader = new ConfigLoader();
            config.root.context.out().print(loader.print(config.root.loadConfig()));
            config.root.context.out().flush();
        }
    }
}
