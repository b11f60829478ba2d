package dev.voicebot.runtime.cli;

import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.bench.BenchRow;
import dev.voicebot.runtime.bench.RuntimeBench;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code robot bench}: measures the runtime's own costs and prints a Markdown table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure parse latency, MQTT round trips, runtime overhead, stop latency, start-up and memory; print a table.")
public final class BenchCommand implements Callable<Integer> {
    enum Part { parse, frontend, mqtt, mosquitto, overhead, startup, soak }

    @ParentCommand
    RobotCommand root;

    @Option(names = "--quick", description = "Shorter loops (a tenth), for a quick look; figures are noisier.")
    boolean quick;

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Run only these parts: ${COMPLETION-CANDIDATES}. Default: all.")
    Set<Part> only;

    @Override
    public Integer call() throws Exception {
        // The bench sends thousands of commands on purpose: lift the motion rate limit (and only that) for it.
        java.util.Map<String, String> env = new java.util.HashMap<>(root.context.env());
        env.putIfAbsent("ROBOT_MOTION_LIMITS_RATE_LIMIT_COMMANDS", "10000");
        env.putIfAbsent("ROBOT_MOTION_LIMITS_RATE_LIMIT_PER", "1s");
        RobotConfig config = new dev.voicebot.config.ConfigLoader().load(java.util.Optional.ofNullable(root.configFile), env);
        PrintStream out = root.context.out();
        PrintStream err = root.context.err();
        Set<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
        RuntimeBench bench = new RuntimeBench(config, quick ? 0.1 : 1.0, err::println);
        List<BenchRow> rows = new ArrayList<>();
        for (Part part : parts) {
            err.println("bench: " + part + " ...");
            switch (part) {
                case parse -> rows.addAll(bench.parse());
                case frontend -> rows.addAll(bench.frontEnd());
                case mqtt -> rows.addAll(bench.mqttEmbedded());
                case mosquitto -> rows.addAll(bench.mqttMosquitto());
                case overhead -> rows.addAll(bench.overheadAndStop());
                case startup -> rows.addAll(bench.startup());
                case soak -> rows.addAll(bench.soak());
            }
        }
        out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB; "
                + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                + "; JVM args " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.println();
        out.println("| metric | value | target | verdict | how |");
        out.println("|---|---|---|---|---|");
        for (BenchRow r : rows) {
            out.println("| " + r.metric() + " | " + r.value() + " | " + r.target() + " | " + r.verdict() + " | " + r.note() + " |");
        }
        out.flush();
        return Cli.OK;
    }
}
