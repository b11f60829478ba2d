package dev.voicebot.runtime.ops;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.HttpConfig;
import java.util.Optional;

/**
 * What the runtime offers for operating it: {@link Metrics}, {@link Readiness} and, when
 * {@code http.enabled}, the {@link OpsServer} serving them. One per runtime, closed once.
 */
public final class ServiceOps implements AutoCloseable {
    private final Metrics metrics;
    private final Readiness readiness;
    private final Optional<OpsServer> server;

    private ServiceOps(Metrics metrics, Readiness readiness, Optional<OpsServer> server) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.server = server;
    }

    /** Creates the metrics and readiness and, if enabled, starts the HTTP endpoints. */
    public static ServiceOps start(HttpConfig http) throws OpsServerException {
        ensureNotNull(http, "http");
        Metrics metrics = new Metrics();
        Readiness readiness = new Readiness();
        return new ServiceOps(metrics, readiness, http.enabled() ? Optional.of(OpsServer.start(http, metrics, readiness)) : Optional.empty());
    }

    public Metrics metrics() {
        return metrics;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The port of {@code /healthz}, {@code /readyz} and {@code /metrics}; empty when {@code http.enabled} is false. */
    public Optional<Integer> httpPort() {
        return server.map(OpsServer::port);
    }

    /** E.g. {@code http://127.0.0.1:41234}; empty when switched off. */
    public Optional<String> httpUri() {
        return server.map(OpsServer::uri);
    }

    @Override
    public void close() {
        readiness.markStopping();
        server.ifPresent(OpsServer::close);
    }
}
