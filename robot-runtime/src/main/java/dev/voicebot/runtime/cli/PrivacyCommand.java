package dev.voicebot.runtime.cli;

import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.data.PurgeResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code robot privacy show|purge}: where the runtime keeps data, and emptying it. */
@Command(name = "privacy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show or delete what the robot keeps (audit log, feedback, recordings) in its data directory.",
        subcommands = {PrivacyCommand.Show.class, PrivacyCommand.Purge.class})
public final class PrivacyCommand implements Runnable {
    @ParentCommand
    RobotCommand root;

    @Override
    public void run() {
        picocli.CommandLine.usage(this, root.context.out());
    }

    DataDirectory dataDirectory() {
        RobotConfig config = root.loadConfig();
        return DataDirectory.resolve(config.data(), root.context.env());
    }

    static String describe(PurgeResult r) {
        return r.files() + " file(s), " + String.format(Locale.ROOT, "%.1f MB", r.bytes() / 1e6);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the data directory and how much it holds.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        PrivacyCommand privacy;

        @Override
        public Integer call() throws IOException {
            DataDirectory dir = privacy.dataDirectory();
            PrintStream out = privacy.root.context.out();
            out.println("data directory: " + dir.root());
            out.println("holds: " + describe(dir.usage()));
            out.flush();
            return Cli.OK;
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = {"Delete everything in the data directory (audit log, feedback, recordings) after confirmation.",
                "Stop a running robot first. Exit 0 when purged (or already empty), 1 when not confirmed or a file could not be deleted."})
    static final class Purge implements Callable<Integer> {
        @ParentCommand
        PrivacyCommand privacy;

        @Option(names = {"-y", "--yes"}, description = "Do not ask; for scripts.")
        boolean yes;

        @Override
        public Integer call() throws IOException {
            DataDirectory dir = privacy.dataDirectory();
            PrintStream out = privacy.root.context.out();
            PrintStream err = privacy.root.context.err();
            PurgeResult usage = dir.usage();
            if (usage.files() == 0 && usage.directories() == 0) {
                out.println("nothing to purge: " + dir.root() + " is empty");
                out.flush();
                return Cli.OK;
            }
            if (!yes) {
                err.print("This deletes " + describe(usage) + " in " + dir.root() + " (audit log, feedback, recordings). Type 'yes' to continue: ");
                err.flush();
                String answer = new BufferedReader(new InputStreamReader(privacy.root.context.in(), StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                    err.println();
                    err.println("not confirmed; nothing was deleted (use --yes in scripts)");
                    err.flush();
                    return Cli.FAILURE;
                }
            }
            PurgeResult done = dir.purge();
            out.println("purged " + describe(done) + " from " + dir.root());
            out.flush();
            return Cli.OK;
        }
    }
}
