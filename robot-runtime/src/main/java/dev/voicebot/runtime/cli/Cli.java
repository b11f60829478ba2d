package dev.voicebot.runtime.cli;

import dev.voicebot.config.ConfigException;
import dev.voicebot.runtime.StartupException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds and runs the {@code robot} command line. Exit codes: 0 success, 1 runtime failure,
 * 2 usage or configuration error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        RobotCommand root = new RobotCommand(new CliContext(in, out, err, env));
        CommandLine cl = new CommandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(Cli::exitCode);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("robot: " + describe(ex));
            if (!(ex instanceof ConfigException) && !(ex instanceof StartupException)) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCode(ex);
        });
        return cl.execute(args);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof ConfigException || ex instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return FAILURE;
    }

    static String describe(Throwable ex) {
        if (ex instanceof StartupException) {
            return "cannot start: " + ex.getMessage();
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
