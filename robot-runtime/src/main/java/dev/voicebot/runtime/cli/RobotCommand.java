package dev.voicebot.runtime.cli;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code robot} command. */
@Command(name = "robot",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Voice robot runtime: speech, brain and safe motion over MQTT.",
        subcommands = {
            RunCommand.class,
            SimCommand.class,
            ScenarioCommand.class,
            ParseCommand.class,
            TranscribeCommand.class,
            ChatCommand.class,
            ConfigCommand.class,
            BenchCommand.class,
            DoctorCommand.class,
            ModelsCommand.class,
            PrivacyCommand.class,
            FeedbackCommand.class,
            SafetyCommand.class,
        })
public final class RobotCommand implements Runnable {
    final CliContext context;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "YAML configuration file; overrides the shipped defaults (ROBOT_... variables override both).")
    Path configFile;

    @Option(names = "--log-format", paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "Logs on stderr as text or json (one JSON object per line); overrides ops.logFormat.")
    String logFormat;

    RobotCommand(CliContext context) {
        this.context = context;
    }

    /** The effective configuration: defaults, then --config, then ROBOT_... variables. */
    RobotConfig loadConfig() {
        RobotConfig config = new ConfigLoader().load(Optional.ofNullable(configFile), context.env());
        try {
            dev.voicebot.runtime.ops.LogFormat.apply(logFormat != null ? logFormat : config.ops().logFormat());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--log-format: " + e.getMessage(), e);
        }
        return config;
    }

    @Override
    public void run() {
        picocli.CommandLine.usage(this, context.out());
    }
}
