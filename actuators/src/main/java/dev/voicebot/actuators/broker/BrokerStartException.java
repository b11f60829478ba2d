package dev.voicebot.actuators.broker;

/** The embedded broker could not start; the message says why (for example a port in use). */
public final class BrokerStartException extends Exception {
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
