package dev.voicebot.actuators.bus;

/** The MQTT bus could not do what was asked (connect, publish, subscribe); the message says why. */
public final class BusException extends Exception {
    public BusException(String message, Throwable cause) {
        super(message, cause);
    }

    public BusException(String message) {
        super(message);
    }
}
