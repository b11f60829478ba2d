package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Duration;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * How one {@link MqttBus} connects. {@code will} is published by the broker if the client vanishes;
 * {@code sessionExpiry} above zero keeps the session (subscriptions, QoS 1 in flight) across reconnects;
 * automatic reconnect backs off from one second up to {@code reconnectMaxDelay}. A {@code socketFactory}
 * (e.g. from {@link TlsSockets}) is used for {@code ssl://} URIs; {@code verifyHostname} makes the
 * broker's certificate name the host.
 */
public record BusOptions(
        String serverUri,
        String clientId,
        Optional<Publication> will,
        Duration keepAlive,
        Duration connectTimeout,
        Duration sessionExpiry,
        Optional<String> username,
        Optional<char[]> password,
        Optional<SocketFactory> socketFactory,
        int inboundCapacity,
        Duration reconnectMaxDelay,
        boolean verifyHostname) {

    public BusOptions {
        ensureNotBlank(serverUri, "serverUri");
        ensureNotBlank(clientId, "clientId");
        ensureNotNull(will, "will");
        ensureNotNull(keepAlive, "keepAlive");
        ensureNotNull(connectTimeout, "connectTimeout");
        ensureNotNull(sessionExpiry, "sessionExpiry");
        ensureNotNull(username, "username");
        ensureNotNull(password, "password");
        ensureNotNull(socketFactory, "socketFactory");
        if (inboundCapacity < 1) {
            throw new IllegalArgumentException("inboundCapacity must be at least 1");
        }
        ensureNotNull(reconnectMaxDelay, "reconnectMaxDelay");
        if (reconnectMaxDelay.toSeconds() < 1) {
            throw new IllegalArgumentException("reconnectMaxDelay must be at least 1s: " + reconnectMaxDelay);
        }
    }

    public static BusOptions of(String serverUri, String clientId) {
        return new BusOptions(serverUri, clientId, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ZERO, Optional.empty(), Optional.empty(), Optional.empty(), 10_000, Duration.ofSeconds(8), true);
    }

    public BusOptions withWill(Publication will) {
        return new BusOptions(serverUri, clientId, Optional.of(will), keepAlive, connectTimeout, sessionExpiry, username, password,
                socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withTimeouts(Duration keepAlive, Duration connectTimeout) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, username, password,
                socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withSessionExpiry(Duration sessionExpiry) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, username, password,
                socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withCredentials(String username, char[] password) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, Optional.of(username),
                Optional.ofNullable(password), socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withSocketFactory(SocketFactory factory) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, username, password,
                Optional.of(factory), inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withReconnectMaxDelay(Duration reconnectMaxDelay) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, username, password,
                socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    public BusOptions withHostnameVerification(boolean verifyHostname) {
        return new BusOptions(serverUri, clientId, will, keepAlive, connectTimeout, sessionExpiry, username, password,
                socketFactory, inboundCapacity, reconnectMaxDelay, verifyHostname);
    }

    @Override
    public String toString() {
        return "BusOptions[" + serverUri + ", clientId=" + clientId + ", user=" + username.orElse("-")
                + ", password=" + (password.isPresent() ? dev.voicebot.config.Secret.MASK : "-") + "]";
    }
}
