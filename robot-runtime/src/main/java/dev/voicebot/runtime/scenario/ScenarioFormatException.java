package dev.voicebot.runtime.scenario;

import java.nio.file.Path;

/** A scenario file that cannot be run as written; the message names the file, the step and the key. */
public final class ScenarioFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioFormatException(Path file, String where, String message) {
        super(file + ": " + where + ": " + message);
    }

    public ScenarioFormatException(Path file, String where, String message, Throwable cause) {
        super(file + ": " + where + ": " + message, cause);
    }
}
