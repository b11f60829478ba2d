package dev.voicebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();
    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        Path f = dir.resolve("robot.yaml");
        Files.writeString(f, text);
        return f;
    }

    private ConfigException failing(String text, Map<String, String> env) throws IOException {
        Path f = yaml(text);
        return assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), env));
    }

    @Test
    void defaultsLoadAndUseTheEmbeddedBrokerOnLoopback() {
        RobotConfig c = loader.defaults();
        assertEquals("robot1", c.robot().id());
        assertTrue(c.mqtt().externalUrl().isEmpty());
        assertEquals("127.0.0.1", c.mqtt().embedded().host());
        assertEquals(0, c.mqtt().embedded().port());
        assertEquals(Duration.ofMillis(300), c.speech().hangover());
        assertNull(c.brain().model());
    }

    @Test
    void fileOverridesDefaultsKeyByKey() throws IOException {
        RobotConfig c = loader.load(Optional.of(yaml("mqtt:\n  embedded:\n    port: 18830\nspeech:\n  hangover: 450ms\n")), Map.of());
        assertEquals(18830, c.mqtt().embedded().port());
        assertEquals("127.0.0.1", c.mqtt().embedded().host());
        assertEquals(Duration.ofMillis(450), c.speech().hangover());
    }

    @Test
    void environmentOverridesFileWithTypedValues() throws IOException {
        RobotConfig c = loader.load(Optional.of(yaml("mqtt:\n  embedded:\n    port: 18830\n")),
                Map.of("ROBOT_MQTT_EMBEDDED_PORT", "18840", "ROBOT_ROBOT_ID", "kitchen-bot",
                        "ROBOT_MQTT_URL", "tcp://127.0.0.1:1999", "ROBOT_SIM_START_HEADING_DEG", "90", "PATH", "/bin"));
        assertEquals(18840, c.mqtt().embedded().port());
        assertEquals("kitchen-bot", c.robot().id());
        assertEquals(Optional.of(URI.create("tcp://127.0.0.1:1999")), c.mqtt().externalUrl());
        assertEquals(90.0, c.sim().start().headingDeg());
    }

    @Test
    void unknownKeyNamesItsPathAndTheAllowedKeys() throws IOException {
        ConfigException e = failing("mqtt:\n  embeded:\n    port: 1\n", Map.of());
        assertEquals("mqtt.embeded", e.keyPath());
        assertTrue(e.getMessage().contains("unknown key 'embeded'"), e.getMessage());
        assertTrue(e.getMessage().contains("embedded"), e.getMessage());
    }

    @Test
    void wrongTypeNamesKeyValueAndExpectedType() throws IOException {
        ConfigException e = failing("mqtt:\n  embedded:\n    port: lots\n", Map.of());
        assertEquals("mqtt.embedded.port", e.keyPath());
        assertTrue(e.getMessage().contains("lots") && e.getMessage().contains("whole number"), e.getMessage());
    }

    @Test
    void outOfRangeNamesKeyValueAndRange() throws IOException {
        ConfigException e = failing("mqtt:\n  embedded:\n    port: 70000\n", Map.of());
        assertEquals("mqtt.embedded.port", e.keyPath());
        assertTrue(e.getMessage().contains("70000") && e.getMessage().contains("0 to 65535"), e.getMessage());
    }

    @Test
    void badDurationIsExplained() throws IOException {
        ConfigException e = failing("speech:\n  hangover: soon\n", Map.of());
        assertEquals("speech.hangover", e.keyPath());
        assertTrue(e.getMessage().contains("soon"), e.getMessage());
    }

    @Test
    void unknownEnvironmentVariableIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("ROBOT_MQTT_PROT", "1")));
        assertTrue(e.getMessage().contains("ROBOT_MQTT_PROT") && e.getMessage().contains("ROBOT_MQTT_EMBEDDED"), e.getMessage());
    }

    @Test
    void invalidYamlAndMissingFileAreReported() throws IOException {
        ConfigException e = failing("mqtt: [unclosed\n", Map.of());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> loader.load(Optional.of(dir.resolve("nope.yaml")), Map.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void robotIdMustBeTopicSafe() throws IOException {
        ConfigException e = failing("robot:\n  id: \"a/b\"\n", Map.of());
        assertEquals("robot.id", e.keyPath());
    }

    @Test
    void printShowsTheEffectiveValues() throws IOException {
        RobotConfig c = loader.load(Optional.of(yaml("speech:\n  hangover: 2s\n")), Map.of());
        String printed = loader.print(c);
        assertTrue(printed.contains("hangover: 2s"), printed);
        assertTrue(printed.contains("port: 0"), printed);
    }
}
