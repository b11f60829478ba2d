package dev.voicebot.config;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import java.util.Set;

/**
 * The live web view that {@code robot run} and {@code robot sim} serve: a page showing the robot and
 * its events, from which a person can talk to it and press E-STOP. It has no log-in, so it listens on
 * loopback only; {@code port} 0 picks a free port (printed when the view is ready).
 */
public record WebConfig(boolean enabled, String host, int port) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    public WebConfig {
        ensureNotNull(host, "host");
        if (!LOOPBACK.contains(host)) {
            throw new InvalidValueException("host", host, "127.0.0.1, localhost or ::1 (the page has no log-in, so it is never served beyond this machine)");
        }
        ensureRange(port, 0, 65535, "port");
    }
}
