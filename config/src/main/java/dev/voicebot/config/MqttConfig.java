package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the runtime reaches its MQTT broker. Without {@code url} the runtime starts its own broker
 * inside the JVM ({@link EmbeddedBroker}); with one it connects to that broker instead.
 */
public record MqttConfig(
        URI url,
        EmbeddedBroker embedded,
        Duration commandExpiry,
        Duration connectTimeout,
        int keepAliveSeconds) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "mqtt", "mqtts");

    public MqttConfig {
        if (url != null && (url.getScheme() == null || !SCHEMES.contains(url.getScheme()) || url.getHost() == null)) {
            throw new InvalidValueException("url", url, "null (embedded broker) or tcp://host:port or ssl://host:port");
        }
        ensureNotNull(embedded, "embedded");
        ensureRange(commandExpiry, Duration.ofMillis(100), Duration.ofMinutes(10), "commandExpiry");
        ensureRange(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5), "connectTimeout");
        ensureRange(keepAliveSeconds, 1, 3600, "keepAliveSeconds");
    }

    /** The external broker, if one is configured. */
    public Optional<URI> externalUrl() {
        return Optional.ofNullable(url);
    }

    /** The broker started inside the JVM when no {@code url} is configured. */
    public record EmbeddedBroker(String host, int port) {
        public EmbeddedBroker {
            ensureNotNull(host, "host");
            if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1") && !host.equals("0.0.0.0")) {
                throw new InvalidValueException("host", host, "127.0.0.1, ::1, localhost, or 0.0.0.0 to listen on every interface");
            }
            ensureRange(port, 0, 65535, "port");
        }
    }
}
