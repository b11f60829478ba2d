package dev.voicebot.runtime.cli;

import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.StartupException;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.JsonLinesSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.models.ModelAdvice;
import dev.voicebot.runtime.models.ModelCatalogue;
import dev.voicebot.runtime.ops.GracefulShutdown;
import dev.voicebot.runtime.web.WebView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code robot run}: the main job. Starts the broker (embedded unless {@code mqtt.url}), the simulator
 * and the runtime, then feeds the chosen input through the brain to the robot.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the robot: embedded MQTT broker and simulator by default, typed or spoken input.")
public final class RunCommand implements Callable<Integer> {
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    @ParentCommand
    RobotCommand root;

    @Option(names = "--input", paramLabel = "SOURCE", defaultValue = "stdin",
            description = "stdin (typed utterances, one per line), mic, wav:FILE, or - (raw 16 kHz mono s16le audio on stdin). Default: ${DEFAULT-VALUE}.")
    String input;

    @Option(names = "--json", description = "Print every event as one JSON object per line on stdout.")
    boolean json;

    @Override
    public Integer call() throws StartupException, IOException, InterruptedException {
        InputSpec source;
        try {
            source = InputSpec.parse(input);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage(), e);
        }
        RobotConfig config = root.loadConfig();
        EventSink sink = json ? new JsonLinesSink(root.context.out()) : new HumanSink(root.context.out());
        ModelAdvice.forConfig(config, ModelCatalogue.builtIn()).forEach(org.slf4j.LoggerFactory.getLogger(RunCommand.class)::warn);
        DataDirectory data = DataDirectory.resolve(config.data(), root.context.env());
        WebView web = config.web().enabled() ? WebView.start(config, WebView.voiceFor(config)) : null;
        if (web != null) {
            sink = web.wrap(sink);
        }
        try (web; RobotRuntime runtime = RobotRuntime.start(config, sink, java.util.Optional.of(data))) {
            if (web != null) {
                web.attach(runtime);
            }
            GracefulShutdown hook = GracefulShutdown.install(runtime, config.ops().shutdownTimeout());
            try {
                if (source instanceof InputSpec.Stdin) {
                    readLines(runtime);
                } else if (!dev.voicebot.runtime.voice.VoiceRun.run(runtime, sink, source.audioSpec(), root.context.in(),
                        dev.voicebot.runtime.voice.VoiceLoop.Options.from(config))) {
                    return Cli.FAILURE;
                }
                if (!runtime.awaitIdle(IDLE_TIMEOUT)) {
                    sink.emit(new RuntimeEvent.Error("runtime", "the robot did not become idle within " + IDLE_TIMEOUT.toMinutes() + " minutes"));
                    return Cli.FAILURE;
                }
                sink.emit(new RuntimeEvent.Stopped("end of input"));
                return Cli.OK;
            } finally {
                hook.cancel();
            }
        }
    }

    private void readLines(RobotRuntime runtime) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(root.context.in(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                runtime.handleText(line.strip(), null, "stdin");
            }
        }
    }
}
