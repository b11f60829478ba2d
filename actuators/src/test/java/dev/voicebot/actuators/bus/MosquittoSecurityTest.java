package dev.voicebot.actuators.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.testing.Eventually;
import dev.voicebot.actuators.testing.Mosquitto;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.MqttConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS, passwords and a per-robot ACL against a real Mosquitto: the configured credentials over TLS
 * work; a wrong password, an unknown authority, a wrong host name, a missing client certificate and a
 * forbidden topic are each refused with a message that says so.
 */
class MosquittoSecurityTest {
    @TempDir
    static Path dir;
    private static Mosquitto mosquitto;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Mosquitto.available(),
                "skipped: /usr/sbin/mosquitto, mosquitto_passwd or openssl is not installed (Debian packages mosquitto and openssl; .ci/run installs them)");
        mosquitto = Mosquitto.start(dir, List.of("robot1:s3cret-one", "robot2:s3cret-two"), """
                # each robot may use only its own topics
                user robot1
                topic readwrite robot/robot1/#

                user robot2
                topic readwrite robot/robot2/#
                """);
    }

    @AfterAll
    static void stop() {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    /** The mqtt: section as a deployment would write it, read through the real configuration loader. */
    private static MqttConfig config(String url, String user, String password, String extraTls) throws Exception {
        Path yaml = Files.createTempFile(dir, "robot", ".yaml");
        Files.writeString(yaml, """
                mqtt:
                  url: %s
                  username: %s
                  password: "%s"
                  connectTimeout: 5s
                  tls:
                    caFile: %s
                %s
                """.formatted(url, user, password, dir.resolve("ca.crt"), extraTls));
        return new ConfigLoader().load(Optional.of(yaml), Map.of()).mqtt();
    }

    private static MqttBus connect(MqttConfig c, String clientId) throws BusException {
        return MqttBus.connect(ConfiguredBus.options(c, ConfiguredBus.pahoUri(c.url()), clientId));
    }

    private static String url(int port) {
        return "mqtts://127.0.0.1:" + port;
    }

    @Test
    void theRightCredentialsOverTlsWorkWithinTheRobotsOwnTopics() throws Exception {
        MqttConfig c = config(url(mosquitto.tlsPort()), "robot1", "s3cret-one", "");
        try (MqttBus bus = connect(c, "robot1-runtime")) {
            List<String> got = new CopyOnWriteArrayList<>();
            bus.subscribe(new TopicFilter("robot/robot1/#"), QoS.AT_LEAST_ONCE, m -> got.add(m.text()));
            bus.publish(Publication.event(new Topic("robot/robot1/reply"), "{\"hi\":1}".getBytes(StandardCharsets.UTF_8)));
            Eventually.holds(() -> got.contains("{\"hi\":1}"), Duration.ofSeconds(10), "own message back over TLS");
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndSaysSo() throws Exception {
        MqttConfig c = config(url(mosquitto.tlsPort()), "robot1", "guess", "");
        BusException e = assertThrows(BusException.class, () -> connect(c, "robot1-bad"));
        assertTrue(e.getMessage().contains("bad user name or password") || e.getMessage().contains("not authorised"), e.getMessage());
        assertTrue(e.getMessage().contains("robot1-bad") && e.getMessage().contains(String.valueOf(mosquitto.tlsPort())), e.getMessage());
    }

    @Test
    void aForbiddenTopicIsRefusedAndSaysSo() throws Exception {
        MqttConfig c = config(url(mosquitto.tlsPort()), "robot1", "s3cret-one", "");
        try (MqttBus bus = connect(c, "robot1-acl");
             MqttBus robot2 = connect(config(url(mosquitto.tlsPort()), "robot2", "s3cret-two", ""), "robot2-runtime")) {
            // Mosquitto grants the subscription but never delivers another robot's messages through it
            List<String> got = new CopyOnWriteArrayList<>();
            bus.subscribe(new TopicFilter("robot/+/reply"), QoS.AT_LEAST_ONCE, m -> got.add(m.topic()));
            robot2.publish(Publication.event(new Topic("robot/robot2/reply"), "{}".getBytes(StandardCharsets.UTF_8)));
            bus.publish(Publication.event(new Topic("robot/robot1/reply"), "{}".getBytes(StandardCharsets.UTF_8)));
            Eventually.holds(() -> got.contains("robot/robot1/reply"), Duration.ofSeconds(10), "own marker");
            assertEquals(List.of("robot/robot1/reply"), got, "robot2's reply must not reach robot1");
            BusException pub = assertThrows(BusException.class,
                    () -> bus.publish(Publication.event(new Topic("robot/robot2/command"), "{}".getBytes(StandardCharsets.UTF_8))));
            assertTrue(pub.getMessage().contains("not authorised") && pub.getMessage().contains("robot/robot2/command"), pub.getMessage());
            // the connection is still usable for its own topics
            bus.publish(Publication.event(new Topic("robot/robot1/reply"), "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theBrokersCertificateIsVerified() throws Exception {
        Path yaml = Files.writeString(Files.createTempFile(dir, "other", ".yaml"), """
                mqtt:
                  url: %s
                  username: robot1
                  password: s3cret-one
                  connectTimeout: 5s
                  tls: {caFile: %s}
                """.formatted(url(mosquitto.tlsPort()), dir.resolve("other-ca.crt")));
        MqttConfig otherCa = new ConfigLoader().load(Optional.of(yaml), Map.of()).mqtt();
        BusException untrusted = assertThrows(BusException.class, () -> connect(otherCa, "robot1-untrusted"));
        assertTrue(untrusted.getMessage().contains("cannot connect"), untrusted.getMessage());
        // the certificate names 127.0.0.1 only: "localhost" fails the host name check unless it is switched off
        MqttConfig byName = config("mqtts://localhost:" + mosquitto.tlsPort(), "robot1", "s3cret-one", "");
        assertThrows(BusException.class, () -> connect(byName, "robot1-hostname"));
        MqttConfig unchecked = config("mqtts://localhost:" + mosquitto.tlsPort(), "robot1", "s3cret-one", "    verifyHostname: false");
        try (MqttBus bus = connect(unchecked, "robot1-nohostcheck")) {
            assertTrue(bus.isConnected());
        }
    }

    @Test
    void aListenerThatRequiresClientCertificatesAcceptsOurs() throws Exception {
        MqttConfig without = config(url(mosquitto.mtlsPort()), "robot1", "s3cret-one", "");
        assertThrows(BusException.class, () -> connect(without, "robot1-nocert"));
        MqttConfig with = config(url(mosquitto.mtlsPort()), "robot1", "s3cret-one",
                "    certFile: " + dir.resolve("client.crt") + "\n    keyFile: " + dir.resolve("client.key"));
        try (MqttBus bus = connect(with, "robot1-cert")) {
            bus.publish(Publication.event(new Topic("robot/robot1/reply"), "{}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(true, bus.isConnected());
        }
    }
}
