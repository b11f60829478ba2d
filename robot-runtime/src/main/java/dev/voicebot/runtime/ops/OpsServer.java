package dev.voicebot.runtime.ops;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.voicebot.config.HttpConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoints on {@code http.host}:{@code http.port} (loopback by default):
 * {@code GET /healthz} (the process answers), {@code GET /readyz} (200 when every {@link Readiness}
 * probe passes, else 503, with the checks as JSON) and {@code GET /metrics} (Prometheus text format).
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ObjectMapper json = new ObjectMapper();

    private OpsServer(HttpServer server, ExecutorService executor, String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Listens on {@code config.host()}:{@code config.port()} (0: a free port).
     *
     * @throws OpsServerException when the port is taken or the address cannot be bound
     */
    public static OpsServer start(HttpConfig config, Metrics metrics, Readiness readiness) throws OpsServerException {
        ensureNotNull(config, "http");
        ensureNotNull(metrics, "metrics");
        ensureNotNull(readiness, "readiness");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 16);
        } catch (BindException e) {
            throw new OpsServerException("http.port " + config.port() + " on " + config.host() + " is already in use (" + e.getMessage()
                    + "); choose another port, or 0 for a free one", e);
        } catch (IOException e) {
            throw new OpsServerException("cannot listen for HTTP on " + config.host() + ":" + config.port() + ": " + e, e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        OpsServer ops = new OpsServer(server, executor, config.host());
        server.createContext("/healthz", ex -> ops.handle(ex, () -> new Reply(200, "text/plain; charset=utf-8", "ok\n")));
        server.createContext("/readyz", ex -> ops.handle(ex, () -> ops.readyz(readiness)));
        server.createContext("/metrics", ex -> ops.handle(ex, () -> new Reply(200, PROMETHEUS_TYPE, metrics.scrape())));
        server.createContext("/", ex -> ops.handle(ex, () -> new Reply(404, "text/plain; charset=utf-8",
                "not found; try /healthz, /readyz or /metrics\n")));
        server.start();
        log.info("health and metrics on {}", ops.uri());
        return ops;
    }

    private record Reply(int status, String contentType, String body) {
    }

    private interface ReplyMaker {
        Reply make() throws IOException;
    }

    private Reply readyz(Readiness readiness) throws IOException {
        List<Readiness.Check> checks = readiness.evaluate();
        boolean ready = checks.stream().allMatch(Readiness.Check::ok);
        ObjectNode body = json.createObjectNode();
        body.put("ready", ready);
        ObjectNode byName = body.putObject("checks");
        for (Readiness.Check c : checks) {
            byName.putObject(c.name()).put("ok", c.ok()).put("detail", c.detail());
        }
        return new Reply(ready ? 200 : 503, "application/json", json.writeValueAsString(body) + "\n");
    }

    private void handle(HttpExchange exchange, ReplyMaker maker) throws IOException {
        try (exchange) {
            Reply reply;
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply = new Reply(405, "text/plain; charset=utf-8", "only GET\n");
            } else {
                try {
                    reply = maker.make();
                } catch (RuntimeException | IOException e) {
                    log.warn("{} failed", exchange.getRequestURI(), e);
                    reply = new Reply(500, "text/plain; charset=utf-8", "internal error: " + e + "\n");
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(reply.status(), -1);
            } else {
                exchange.sendResponseHeaders(reply.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** E.g. {@code http://127.0.0.1:41234}. */
    public String uri() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
