package dev.voicebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrainConfigTest {
    private final ConfigLoader loader = new ConfigLoader();
    @TempDir
    Path dir;

    @Test
    void defaultsDescribeTheLlmAndItsMemory() {
        BrainConfig b = loader.defaults().brain();
        assertEquals(256, b.maxReplyTokens());
        assertEquals(Duration.ofSeconds(20), b.deadline());
        assertEquals(1024, b.memory().maxTokens());
        assertEquals(Duration.ofMinutes(5), b.memory().idleReset());
        assertTrue(b.persona().startsWith("You are a friendly humanoid robot"), b.persona());
    }

    @Test
    void nestedMemoryKeysTakeEnvironmentOverrides() {
        BrainConfig b = loader.load(Optional.empty(), Map.of("ROBOT_BRAIN_MEMORY_MAX_TOKENS", "300",
                "ROBOT_BRAIN_MEMORY_IDLE_RESET", "30s", "ROBOT_BRAIN_MODEL", "/models/qwen.gguf")).brain();
        assertEquals(300, b.memory().maxTokens());
        assertEquals(Duration.ofSeconds(30), b.memory().idleReset());
        assertEquals(Path.of("/models/qwen.gguf"), b.model());
    }

    @Test
    void replyBudgetMustLeaveRoomForThePrompt() throws IOException {
        Path f = Files.writeString(dir.resolve("r.yaml"), "brain:\n  contextSize: 512\n  maxReplyTokens: 400\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("brain.maxReplyTokens", e.keyPath());
        assertTrue(e.getMessage().contains("16 to 256"), e.getMessage());
    }

    @Test
    void badValuesNameTheirKeys() throws IOException {
        Path f = Files.writeString(dir.resolve("b.yaml"), "brain:\n  memory:\n    idleReset: 0s\n");
        assertEquals("brain.memory.idleReset", assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of())).keyPath());
        Path g = Files.writeString(dir.resolve("c.yaml"), "brain:\n  persona: \"  \"\n");
        assertEquals("brain.persona", assertThrows(ConfigException.class, () -> loader.load(Optional.of(g), Map.of())).keyPath());
        Path h = Files.writeString(dir.resolve("d.yaml"), "brain:\n  seed: -2\n");
        assertEquals("brain.seed", assertThrows(ConfigException.class, () -> loader.load(Optional.of(h), Map.of())).keyPath());
    }
}
