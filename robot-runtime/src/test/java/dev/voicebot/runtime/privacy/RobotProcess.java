package dev.voicebot.runtime.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code robot run --input stdin --json} as a separate JVM on the test classpath, in a chosen working
 * directory with a chosen environment (inherited {@code ROBOT_...} and {@code XDG_...} variables
 * removed). Typed lines go to its stdin; its JSON events are collected from stdout; stderr goes to a file.
 */
final class RobotProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private RobotProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readStdout, "robot-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static RobotProcess start(Path workingDir, Path tmpDir, Path stderrFile, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmpDir,
                "-cp", System.getProperty("java.class.path"), "dev.voicebot.runtime.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile())
                .redirectError(ProcessBuilder.Redirect.to(stderrFile.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("ROBOT_") || k.startsWith("XDG_"));
        pb.environment().putAll(env);
        return new RobotProcess(pb.start());
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                stdout.add(line);
                if (line.startsWith("{")) {
                    try {
                        events.add(JSON.readTree(line));
                    } catch (IOException notJson) {
                        // kept in stdout for the assertion messages
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    long pid() {
        return process.pid();
    }

    void type(String line) throws IOException {
        stdin.write(line + "\n");
        stdin.flush();
    }

    void endInput() throws IOException {
        stdin.close();
    }

    /** The first event matching {@code test}, waiting up to {@code timeout}; fails with the output so far. */
    JsonNode await(String what, Predicate<JsonNode> test, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events) {
                if (test.test(e)) {
                    return e;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + what + " event within " + timeout.toSeconds() + " s; stdout so far:\n" + String.join("\n", stdout));
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    String stdout() {
        return String.join("\n", stdout);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("robot run did not exit within " + timeout.toSeconds() + " s");
        }
        reader.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
