package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the runtime reaches its MQTT broker. Without {@code url} the runtime starts its own broker
 * inside the JVM ({@link EmbeddedBroker}); with one it connects to that broker instead, over TLS
 * ({@link Tls}) for {@code ssl://} or {@code mqtts://}, with {@code username}/{@code password} if set.
 * The runtime publishes a heartbeat every {@code heartbeatInterval}; motor controllers halt when it
 * has been silent for {@code watchdogTimeout}. {@code sessionExpiry} above zero keeps the broker
 * session (subscriptions, QoS 1 messages in flight) across reconnects. While disconnected, up to
 * {@code offlineBuffer} events wait for the connection; motion commands never wait.
 */
public record MqttConfig(
        URI url,
        EmbeddedBroker embedded,
        Duration commandExpiry,
        Duration connectTimeout,
        int keepAliveSeconds,
        String username,
        Secret password,
        Tls tls,
        Duration sessionExpiry,
        Duration reconnectMaxDelay,
        Duration heartbeatInterval,
        Duration watchdogTimeout,
        int offlineBuffer,
        Hermes hermes) {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "mqtt", "mqtts");

    public MqttConfig {
        if (url != null && (url.getScheme() == null || !SCHEMES.contains(url.getScheme()) || url.getHost() == null)) {
            throw new InvalidValueException("url", url, "null (embedded broker) or tcp://host:port or ssl://host:port");
        }
        ensureNotNull(embedded, "embedded");
        ensureRange(commandExpiry, Duration.ofMillis(100), Duration.ofMinutes(10), "commandExpiry");
        ensureRange(connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(5), "connectTimeout");
        ensureRange(keepAliveSeconds, 1, 3600, "keepAliveSeconds");
        if (username != null && username.isBlank()) {
            throw new InvalidValueException("username", "\"" + username + "\"", "null (no login) or a non-empty user name");
        }
        if (password != null && username == null) {
            throw new InvalidValueException("password", Secret.MASK, "null unless mqtt.username is set too");
        }
        ensureNotNull(tls, "tls");
        ensureRange(sessionExpiry, Duration.ZERO, Duration.ofDays(7), "sessionExpiry");
        ensureRange(reconnectMaxDelay, Duration.ofSeconds(1), Duration.ofMinutes(10), "reconnectMaxDelay");
        ensureRange(heartbeatInterval, Duration.ofMillis(20), Duration.ofSeconds(30), "heartbeatInterval");
        ensureRange(watchdogTimeout, heartbeatInterval.multipliedBy(2), Duration.ofMinutes(1), "watchdogTimeout");
        ensureRange(offlineBuffer, 0, 1_000_000, "offlineBuffer");
        ensureNotNull(hermes, "hermes");
    }

    /** The external broker, if one is configured. */
    public Optional<URI> externalUrl() {
        return Optional.ofNullable(url);
    }

    /** True when the external broker is reached over TLS ({@code ssl://} or {@code mqtts://}). */
    public boolean usesTls() {
        return url != null && (url.getScheme().equals("ssl") || url.getScheme().equals("mqtts"));
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

    /**
     * TLS to an external broker. {@code caFile}: PEM certificate(s) the broker's certificate must chain
     * to (null: the JVM's trusted authorities). {@code certFile} and {@code keyFile}: an optional client
     * certificate (PEM) and its unencrypted PKCS#8 PEM key. {@code verifyHostname}: the broker's
     * certificate must name the host in {@code url} (leave on).
     */
    public record Tls(Path caFile, Path certFile, Path keyFile, boolean verifyHostname) {
        public Tls {
            if ((certFile == null) != (keyFile == null)) {
                throw new InvalidValueException(certFile == null ? "certFile" : "keyFile", null,
                        "a file, because a client certificate needs both certFile and keyFile");
            }
        }
    }

    /**
     * Rhasspy Hermes compatibility: when enabled the runtime also publishes what it heard on
     * {@code hermes/asr/textCaptured}, its intents on {@code hermes/intent/{name}} and its replies on
     * {@code hermes/tts/say}, and speaks what others publish on {@code hermes/tts/say} for {@code siteId}.
     */
    public record Hermes(boolean enabled, String siteId) {
        public Hermes {
            Checks.ensureNotBlank(siteId, "siteId");
            if (siteId.contains("/") || siteId.contains("+") || siteId.contains("#")) {
                throw new InvalidValueException("siteId", "\"" + siteId + "\"", "a name without '/', '+' or '#'");
            }
        }
    }
}
