package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.MqttConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Turns the {@code mqtt:} configuration into {@link BusOptions}: URI scheme, TLS, login, session, back-off. */
public final class ConfiguredBus {
    private ConfiguredBus() {
    }

    /** {@code mqtt://} and {@code mqtts://} written as Paho's {@code tcp://} and {@code ssl://}. */
    public static String pahoUri(URI url) {
        return url.toString().replaceFirst("^mqtt://", "tcp://").replaceFirst("^mqtts://", "ssl://");
    }

    /**
     * Options for a client of the broker at {@code serverUri} (the external {@code mqtt.url} or the embedded
     * broker's URI): timeouts, session expiry, reconnect back-off, and for {@code ssl://} the TLS files and
     * hostname check; username/password when configured.
     */
    public static BusOptions options(MqttConfig config, String serverUri, String clientId) throws BusException {
        ensureNotNull(config, "config");
        ensureNotBlank(serverUri, "serverUri");
        BusOptions o = BusOptions.of(serverUri, clientId)
                .withTimeouts(Duration.ofSeconds(config.keepAliveSeconds()), config.connectTimeout())
                .withSessionExpiry(config.sessionExpiry())
                .withReconnectMaxDelay(config.reconnectMaxDelay());
        if (serverUri.startsWith("ssl://")) {
            MqttConfig.Tls tls = config.tls();
            o = o.withSocketFactory(TlsSockets.factory(Optional.ofNullable(tls.caFile()), Optional.ofNullable(tls.certFile()),
                    Optional.ofNullable(tls.keyFile()))).withHostnameVerification(tls.verifyHostname());
        }
        if (config.username() != null) {
            o = o.withCredentials(config.username(), config.password() == null ? null : config.password().reveal().toCharArray());
        }
        return o;
    }
}
