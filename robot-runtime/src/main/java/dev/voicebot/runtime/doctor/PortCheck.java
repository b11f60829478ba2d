package dev.voicebot.runtime.doctor;

import dev.voicebot.config.HttpConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** The health and metrics endpoints' port: free, or chosen at start (0), or switched off. */
public final class PortCheck implements Check {
    private final HttpConfig http;

    public PortCheck(HttpConfig http) {
        this.http = http;
    }

    @Override
    public List<Finding> run() {
        if (!http.enabled()) {
            return List.of(Finding.warn("http endpoints", "switched off (http.enabled: false)", "no /healthz, /readyz or /metrics for monitoring"));
        }
        if (http.port() == 0) {
            return List.of(Finding.ok("http endpoints", http.host() + ", a free port is chosen at start (see the ready event)"));
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(http.host()), http.port()));
            return List.of(Finding.ok("http endpoints", http.host() + ":" + http.port() + " is free"));
        } catch (IOException e) {
            return List.of(Finding.fail("http endpoints", http.host() + ":" + http.port() + " is in use (" + e.getMessage() + ")",
                    "set http.port to a free port, or 0"));
        }
    }
}
