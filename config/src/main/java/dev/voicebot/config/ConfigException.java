package dev.voicebot.config;

/**
 * A configuration that cannot be used. The message names the key path, the bad value and what is
 * allowed, so that a person can fix the file or the environment variable without reading code.
 */
public final class ConfigException extends RuntimeException {
    private final String keyPath;

    public ConfigException(String keyPath, String message) {
        super("configuration error at '" + keyPath + "': " + message);
        this.keyPath = keyPath;
    }

    public ConfigException(String keyPath, String message, Throwable cause) {
        super("configuration error at '" + keyPath + "': " + message, cause);
        this.keyPath = keyPath;
    }

    /** Dotted path of the offending key, for example {@code mqtt.embedded.port}. */
    public String keyPath() {
        return keyPath;
    }
}
