package dev.voicebot.runtime;

/** The runtime could not start (broker port taken, broker unreachable, ...); the message says what to do. */
public final class StartupException extends Exception {
    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
