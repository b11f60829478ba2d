package dev.voicebot.runtime;

import dev.voicebot.runtime.cli.Cli;

/** Entry point of robot.jar. Exits explicitly: native libraries may leave non-daemon threads behind. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.run(args, System.in, System.out, System.err, System.getenv());
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
