package dev.voicebot.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.CliHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every command and subcommand answers {@code --help}; {@code --version} and usage errors keep the exit-code contract. */
class CliHelpTest {
    /** The subcommand names listed under "Commands:" in a help text. */
    private static List<String> subcommands(String help) {
        List<String> names = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.split("\n")) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("  \\S.*")) {
                names.add(line.trim().split("\\s+")[0]);
            } else if (inCommands && !line.startsWith("   ")) {
                inCommands = false;
            }
        }
        return names;
    }

    private static int walk(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliHarness r = CliHarness.run("", Map.of(), args.toArray(new String[0]));
        String name = String.join(" ", path);
        assertEquals(0, r.exitCode(), name + " --help: " + r.stderr());
        assertTrue(r.stdout().startsWith("Usage: robot" + (path.isEmpty() ? "" : " " + name)), name + " --help: " + r.stdout());
        int count = 1;
        for (String sub : subcommands(r.stdout())) {
            List<String> child = new ArrayList<>(path);
            child.add(sub);
            count += walk(child);
        }
        return count;
    }

    @Test
    void everyCommandHasHelp() {
        int commands = walk(List.of());
        assertTrue(commands >= 12, "walked " + commands + " commands");
        CliHarness models = CliHarness.run("", Map.of(), "models", "--help");
        assertTrue(subcommands(models.stdout()).containsAll(List.of("list", "pull", "verify", "remove", "path")), models.stdout());
        CliHarness root = CliHarness.run("", Map.of(), "--help");
        assertTrue(subcommands(root.stdout()).containsAll(List.of("run", "doctor", "models", "privacy")), root.stdout());
    }

    @Test
    void versionAndUsageErrors() {
        CliHarness version = CliHarness.run("", Map.of(), "--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("robot "), version.stdout());
        CliHarness doctorVersion = CliHarness.run("", Map.of(), "doctor", "--version");
        assertTrue(doctorVersion.stdout().startsWith("robot "), doctorVersion.stdout());
        assertEquals(2, CliHarness.run("", Map.of(), "no-such-command").exitCode());
        assertEquals(2, CliHarness.run("", Map.of(), "models", "pull").exitCode(), "pull needs a name");
        assertEquals(2, CliHarness.run("", Map.of(), "--log-format", "xml", "models", "list").exitCode());
        assertEquals(2, CliHarness.run("", Map.of("ROBOT_OPS_LOG_FORMAT", "xml"), "models", "list").exitCode());
    }
}
