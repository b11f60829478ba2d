package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureRange;

import java.util.Set;

/**
 * The runtime's operations endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}): off or
 * on, the address they listen on (loopback unless deliberately opened), and the port (0 picks a free one).
 */
public record HttpConfig(boolean enabled, String host, int port) {
    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0");

    public HttpConfig {
        if (host == null || !HOSTS.contains(host)) {
            throw new InvalidValueException("host", host, "127.0.0.1, ::1, localhost, or 0.0.0.0 to listen on every interface");
        }
        ensureRange(port, 0, 65535, "port");
    }
}
