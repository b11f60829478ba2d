package dev.voicebot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class TtsConfigTest {
    private final ConfigLoader loader = new ConfigLoader();
    @TempDir
    Path dir;

    @Test
    void speechOutputIsOffByDefaultWithEspeakVoicesForEnglishAndKorean() {
        TtsConfig t = loader.defaults().tts();
        assertFalse(t.enabled());
        assertEquals("espeak-ng", t.command());
        assertEquals("ko", t.voices().forLanguage("ko"));
        assertEquals("en", t.voices().forLanguage("fr"), "languages without a voice are spoken in English");
        assertEquals("speaker", t.output());
        assertEquals(Duration.ofSeconds(10), t.sessionSilence());
    }

    @Test
    void fileAndEnvironmentOverrideIt() throws IOException {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "tts:\n  enabled: true\n  voices: {en: en-us, ko: ko}\n  output: files\n");
        RobotConfig c = loader.load(Optional.of(f), Map.of("ROBOT_TTS_BARGE_IN_MARGIN_DB", "15", "ROBOT_TTS_SESSION_SILENCE", "30s"));
        assertTrue(c.tts().enabled());
        assertEquals("en-us", c.tts().voices().forLanguage("en"));
        assertEquals("files", c.tts().output());
        assertEquals(15.0, c.tts().bargeInMarginDb());
        assertEquals(Duration.ofSeconds(30), c.tts().sessionSilence());
    }

    @Test
    void badValuesNameTheKey() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "tts:\n  output: headphones\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("tts.output", e.keyPath());
        assertTrue(e.getMessage().contains("headphones") && e.getMessage().contains("discard"), e.getMessage());
        Files.writeString(f, "tts:\n  bargeInMarginDb: -3\n");
        e = assertThrows(ConfigException.class, () -> loader.load(Optional.of(f), Map.of()));
        assertEquals("tts.bargeInMarginDb", e.keyPath());
    }
}
