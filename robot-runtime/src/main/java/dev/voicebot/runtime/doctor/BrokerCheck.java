package dev.voicebot.runtime.doctor;

import dev.voicebot.config.MqttConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The MQTT broker: with {@code mqtt.url}, a TCP connection to it within a short timeout; without,
 * that the embedded broker's port can be bound (port 0 always can).
 */
public final class BrokerCheck implements Check {
    private final MqttConfig mqtt;
    private final Duration timeout;

    public BrokerCheck(MqttConfig mqtt, Duration timeout) {
        this.mqtt = mqtt;
        this.timeout = timeout;
    }

    @Override
    public List<Finding> run() {
        if (mqtt.externalUrl().isPresent()) {
            URI url = mqtt.externalUrl().get();
            boolean tls = url.getScheme().equals("ssl") || url.getScheme().equals("mqtts");
            int port = url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883;
            long start = System.nanoTime();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
                return List.of(Finding.ok("mqtt broker", url.getHost() + ":" + port + " accepts connections ("
                        + (System.nanoTime() - start) / 1_000_000 + " ms)" + (tls ? "; TLS and credentials are checked at start" : "")));
            } catch (IOException e) {
                return List.of(Finding.fail("mqtt broker", "cannot connect to " + url.getHost() + ":" + port + " within "
                        + timeout.toMillis() + " ms: " + e.getMessage(),
                        "start the broker (e.g. systemctl start mosquitto), check mqtt.url and the firewall, or remove mqtt.url to use the embedded broker"));
            }
        }
        MqttConfig.EmbeddedBroker embedded = mqtt.embedded();
        if (embedded.port() == 0) {
            return List.of(Finding.ok("mqtt broker", "embedded broker on " + embedded.host() + ", a free port is chosen at start"));
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(embedded.host()), embedded.port()));
            return List.of(Finding.ok("mqtt broker", "embedded broker: " + embedded.host() + ":" + embedded.port() + " is free"));
        } catch (IOException e) {
            return List.of(Finding.fail("mqtt broker", "embedded broker: " + embedded.host() + ":" + embedded.port() + " is in use ("
                    + e.getMessage() + ")", "stop what listens there (ss -ltnp), set mqtt.embedded.port to another port or 0, "
                    + "or set mqtt.url to use that broker"));
        }
    }
}
