package dev.voicebot.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.runtime.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real CLI in this JVM with given stdin and environment, capturing stdout, stderr and the exit code. */
public record CliHarness(int exitCode, String stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CliHarness run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CliHarness(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every stdout line parsed as JSON; fails on a line that is not JSON. */
    public List<JsonNode> jsonLines() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                nodes.add(JSON.readTree(line));
            } catch (java.io.IOException e) {
                throw new AssertionError("stdout line is not JSON: " + line, e);
            }
        }
        return nodes;
    }

    public List<JsonNode> events(String kind) {
        return jsonLines().stream().filter(n -> kind.equals(n.path("event").asText())).toList();
    }
}
