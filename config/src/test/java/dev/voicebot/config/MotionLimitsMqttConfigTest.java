package dev.voicebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionLimitsMqttConfigTest {
    private final ConfigLoader loader = new ConfigLoader();
    @TempDir
    Path dir;

    @Test
    void shippedDefaultsMatchTheCodeDefaults() {
        RobotConfig c = loader.defaults();
        assertEquals(MotionLimitsConfig.defaults(), c.motion().limits());
        assertEquals(0.5, c.motion().limits().maxSpeedMps());
        assertTrue(c.motion().limits().clamps());
        assertEquals(List.of("move", "turn", "stop", "gesture", "look", "pose", "speak"), c.motion().limits().allowedKinds());
        assertEquals(Duration.ofMillis(250), c.mqtt().heartbeatInterval());
        assertFalse(c.mqtt().hermes().enabled());
        assertEquals(null, c.motion().estop().resetToken());
    }

    @Test
    void secretsAreReadButNeverPrinted() throws IOException {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "mqtt:\n  url: ssl://127.0.0.1:8883\n  username: robot1\n");
        RobotConfig c = loader.load(Optional.of(f), Map.of("ROBOT_MQTT_PASSWORD", "s3cret:x", "ROBOT_MOTION_ESTOP_RESET_TOKEN", "tok"));
        assertEquals("s3cret:x", c.mqtt().password().reveal());
        assertTrue(c.motion().estop().resetToken().matches("tok"));
        assertTrue(c.mqtt().usesTls());
        String printed = loader.print(c);
        assertFalse(printed.contains("s3cret") || printed.contains("tok\n"), printed);
        assertTrue(printed.matches("(?s).*password: ['\"]?\\*{6}['\"]?\n.*"), printed);
    }

    @Test
    void badLimitsNameTheirKeyPath() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "motion:\n  limits:\n    policy: ignore\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("motion.limits.policy", e.keyPath(), e.getMessage());
        Files.writeString(f, "motion:\n  limits:\n    geofence: [[0, 0], [1, 1]]\n");
        e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("motion.limits.geofence", e.keyPath(), e.getMessage());
        Files.writeString(f, "motion:\n  limits:\n    profile: drone\n");
        e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertTrue(e.getMessage().contains("humanoid"), e.getMessage());
        Files.writeString(f, "mqtt:\n  heartbeatInterval: 1s\n  watchdogTimeout: 1s\n");
        e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("mqtt.watchdogTimeout", e.keyPath(), e.getMessage());
    }

    @Test
    void twoArgumentMotionConfigUsesTheDefaultLimits() {
        assertEquals(MotionLimitsConfig.defaults(), new MotionConfig(0.3, 45).limits());
    }
}
