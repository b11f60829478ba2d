package dev.voicebot.runtime.ops;

/** The operations endpoints could not start (port taken, address not local); the message says what to do. */
public final class OpsServerException extends Exception {
    public OpsServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
