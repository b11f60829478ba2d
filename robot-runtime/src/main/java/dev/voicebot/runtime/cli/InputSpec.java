package dev.voicebot.runtime.cli;

import java.nio.file.Path;

/** Where {@code robot run} takes its input from: {@code stdin}, {@code mic} or {@code wav:FILE}. */
public sealed interface InputSpec {
    record Stdin() implements InputSpec {
    }

    record Mic() implements InputSpec {
    }

    record Wav(Path file) implements InputSpec {
    }

    static InputSpec parse(String text) {
        if (text.equals("stdin")) {
            return new Stdin();
        }
        if (text.equals("mic")) {
            return new Mic();
        }
        if (text.startsWith("wav:") && text.length() > 4) {
            return new Wav(Path.of(text.substring(4)));
        }
        throw new IllegalArgumentException("unknown input '" + text + "'; use stdin, mic or wav:FILE");
    }
}
