package dev.voicebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetyStyleConfigTest {
    private final ConfigLoader loader = new ConfigLoader();
    @TempDir
    Path dir;

    @Test
    void defaultsHaveHelpLinesForEnglishAndKoreanAndAPoliteWarmStyle() {
        RobotConfig c = loader.defaults();
        assertTrue(c.safety().enabled());
        assertTrue(c.safety().helpFor("ko").stream().anyMatch(l -> l.contains("109")));
        assertTrue(c.safety().helpFor("en").stream().anyMatch(l -> l.contains("local emergency number")));
        assertEquals(c.safety().helpFor("en"), c.safety().helpFor("fr"), "unknown languages fall back to English");
        assertEquals("polite", c.style().speechLevel());
        assertEquals("warm", c.style().tone());
    }

    @Test
    void fileAndEnvironmentOverrideSafetyAndStyle() throws IOException {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "safety:\n  helpResources:\n    de: [\"Telefonseelsorge 0800 111 0 111\"]\nstyle:\n  detail: brief\n");
        RobotConfig c = loader.load(Optional.of(f), Map.of("ROBOT_STYLE_PERSONA_NAME", "Nabi", "ROBOT_SAFETY_INPUT_THRESHOLD", "0.7"));
        assertEquals(List.of("Telefonseelsorge 0800 111 0 111"), c.safety().helpFor("de"));
        assertEquals("brief", c.style().detail());
        assertEquals("Nabi", c.style().personaName());
        assertEquals(0.7, c.safety().inputThreshold());
    }

    @Test
    void badValuesNameTheKey() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "style:\n  tone: grumpy\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("style.tone", e.keyPath());
        assertTrue(e.getMessage().contains("grumpy") && e.getMessage().contains("playful"), e.getMessage());
        Files.writeString(f, "safety:\n  outputBlockThreshold: 3\n");
        e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("safety.outputBlockThreshold", e.keyPath());
    }
}
