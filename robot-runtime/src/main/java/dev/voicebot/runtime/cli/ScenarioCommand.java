package dev.voicebot.runtime.cli;

import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.scenario.AudioPlayer;
import dev.voicebot.runtime.scenario.ResultTable;
import dev.voicebot.runtime.scenario.Scenario;
import dev.voicebot.runtime.scenario.ScenarioConfig;
import dev.voicebot.runtime.scenario.ScenarioFile;
import dev.voicebot.runtime.scenario.ScenarioFormatException;
import dev.voicebot.runtime.scenario.ScenarioResult;
import dev.voicebot.runtime.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot scenario FILE.yaml...}: runs scripted scenarios, each against a fresh embedded broker,
 * simulator and runtime, and prints a table of steps with pass or fail. Exit 0 only if every step of
 * every scenario passed, 1 if any failed, 2 if a file is malformed (nothing runs then).
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Run scripted scenarios (YAML) against a fresh embedded broker, simulator and runtime; "
                + "exit 0 only if every step passes, 1 if one fails, 2 for a malformed file.")
public final class ScenarioCommand implements Callable<Integer> {
    @ParentCommand
    RobotCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml), or folders whose .yaml files all run, in name order.")
    List<Path> files;

    @Override
    public Integer call() throws InterruptedException {
        List<Scenario> scenarios = new ArrayList<>();
        List<RobotConfig> configs = new ArrayList<>();
        ScenarioFile reader = new ScenarioFile();
        ScenarioConfig configs0 = new ScenarioConfig();
        try {
            for (Path file : expand(files)) {
                Scenario s = reader.read(file);
                scenarios.add(s);
                configs.add(configs0.build(s, Optional.ofNullable(root.configFile), root.context.env()));
            }
        } catch (ScenarioFormatException e) {
            root.context.err().println("robot scenario: " + e.getMessage());
            root.context.err().flush();
            return Cli.USAGE;
        }
        ScenarioRunner runner = new ScenarioRunner(AudioPlayer.speechPipeline());
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            ScenarioResult r = runner.run(scenarios.get(i), configs.get(i));
            ResultTable.print(r, root.context.out());
            results.add(r);
        }
        ResultTable.summary(results, root.context.out());
        return results.stream().allMatch(ScenarioResult::passed) ? Cli.OK : Cli.FAILURE;
    }

    private static List<Path> expand(List<Path> given) throws ScenarioFormatException {
        List<Path> out = new ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> yamls = s.filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                            .sorted().toList();
                    if (yamls.isEmpty()) {
                        throw new ScenarioFormatException(p, "folder", "holds no .yaml scenario files");
                    }
                    out.addAll(yamls);
                } catch (IOException e) {
                    throw new ScenarioFormatException(p, "folder", "cannot be listed: " + e, e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
