package dev.voicebot.runtime.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** The process's streams and environment, passed in so that commands can run inside tests. */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
}
