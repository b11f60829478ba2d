package dev.voicebot.actuators.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker inside the JVM (HiveMQ Community Edition, embedded), listening on one loopback
 * port, with in-memory persistence. Its configuration and data live in a private temporary folder
 * that {@link #close()} deletes; nothing is written into the working directory.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final EmbeddedHiveMQ hivemq;
    private final Path home;
    private final String host;
    private final int port;
    private boolean closed;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, Path home, String host, int port) {
        this.hivemq = hivemq;
        this.home = home;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts the broker on {@code host}:{@code port}; port 0 picks a free one.
     *
     * @throws BrokerStartException when the port is taken or the broker does not come up
     */
    public static EmbeddedBroker start(String host, int port) throws BrokerStartException {
        int chosen = port == 0 ? freePort(host) : checkFree(host, port);
        Path home;
        try {
            home = Files.createTempDirectory("robot-broker-");
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener>
                          <port>%d</port>
                          <bind-address>%s</bind-address>
                        </tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(chosen, host));
        } catch (IOException e) {
            throw new BrokerStartException("cannot prepare the embedded MQTT broker's temporary folder: " + e, e);
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(hivemq, home);
            throw new BrokerStartException("interrupted while starting the embedded MQTT broker", e);
        } catch (java.util.concurrent.ExecutionException | CompletionException | TimeoutException e) {
            closeQuietly(hivemq, home);
            throw new BrokerStartException("the embedded MQTT broker did not start on " + host + ":" + chosen + ": " + e, e);
        }
        log.info("embedded MQTT 5 broker listening on {}:{}", host, chosen);
        return new EmbeddedBroker(hivemq, home, host, chosen);
    }

    private static int freePort(String host) throws BrokerStartException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new BrokerStartException("cannot find a free port on " + host + ": " + e, e);
        }
    }

    private static int checkFree(String host, int port) throws BrokerStartException {
        try (ServerSocket s = new ServerSocket()) {
            // SO_REUSEADDR: connections of a broker that just stopped linger in TIME_WAIT on this port and must not
            // block a restart on it; a socket still listening there (a running broker) is refused all the same.
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return port;
        } catch (IOException e) {
            throw new BrokerStartException("mqtt.embedded.port " + port + " on " + host
                    + " is already in use (" + e.getMessage() + "); choose another port, or 0 for a free one, "
                    + "or set mqtt.url to use the broker that is running there", e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The URI clients connect to, e.g. {@code tcp://127.0.0.1:41883}. */
    public String uri() {
        return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(hivemq, home);
        log.info("embedded MQTT broker on {}:{} stopped", host, port);
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq, Path home) {
        try {
            hivemq.stop().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("embedded MQTT broker did not stop cleanly", e);
        }
        try {
            hivemq.close();
        } catch (Exception e) {
            log.warn("embedded MQTT broker did not close cleanly", e);
        }
        deleteTree(home);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not delete the embedded broker's temporary folder {}", root, e);
        }
    }
}
