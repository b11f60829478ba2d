package dev.voicebot.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A push-to-talk recording, as the web page sends it, through the real speech pipeline into the robot. */
class VoiceInputTest {
    @TempDir
    Path dir;

    private static byte[] pcm16le(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            short v = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }

    @Test
    void aRecordedKoreanCommandTurnsTheRobot() throws Exception {
        float[] clip = Espeak.say("ko", "왼쪽으로 돌아");
        float[] recording = new Scene((300 + clip.length / 16 + 300) / 1000.0).place(clip, 300).clean();
        Path model = TinyWhisperModel.speaking("ko", "왼쪽으로 돌아").write(dir.resolve("tiny.bin"));
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_SPEECH_MODEL", model.toString(), "ROBOT_WEB_ENABLED", "false"));
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, events::add)) {
            RecordedAudio audio = RecordedAudio.ofPcm16le(pcm16le(recording), "web push-to-talk");
            assertTrue(WebView.voiceFor(config).hear(runtime, events::add, audio, "web"), events.toString());
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(15)));
            assertEquals(90.0, runtime.lastState().orElseThrow().headingDeg(), 2.0, events.toString());
        }
        RuntimeEvent.Transcript t = events.stream().filter(e -> e instanceof RuntimeEvent.Transcript).map(e -> (RuntimeEvent.Transcript) e)
                .findFirst().orElseThrow(() -> new AssertionError(events.toString()));
        assertEquals("ko", t.language());
        assertEquals("web", t.source());
    }

    @Test
    void withoutAModelItSaysSo() {
        RobotConfig config = new ConfigLoader().defaults();
        VoiceInput voice = WebView.voiceFor(config);
        assertTrue(voice.unavailableReason().orElseThrow().contains("speech.model"));
        RecordedAudio audio = new RecordedAudio(new float[1600], "x");
        assertThrows(IllegalStateException.class, () -> voice.hear(null, e -> { }, audio, "web"));
    }
}
