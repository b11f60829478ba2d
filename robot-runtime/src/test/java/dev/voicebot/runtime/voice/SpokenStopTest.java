package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.wire.RobotState;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.speech.audio.WavFileSource;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import dev.voicebot.speech.testing.WavFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While the robot moves, a spoken "멈춰" stops it through the fast stop path, before the utterance is even over. */
class SpokenStopTest {
    @TempDir
    Path dir;

    @Test
    void aSpokenStopWhileMovingStopsTheRobotShort() throws Exception {
        Path model = TinyWhisperModel.speaking("ko", "멈춰").write(dir.resolve("stop.bin"));
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_SPEECH_MODEL", model.toString(),
                "ROBOT_WEB_ENABLED", "false"));
        float[] stop = Espeak.say("ko", "멈춰");
        Scene room = new Scene((1500 + stop.length / 16 + 1000) / 1000.0).place(stop, 1500);
        Path wav = WavFiles.pcm16(dir.resolve("stop.wav"), room.clean(), 16_000);
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, events::add)) {
            runtime.handleText("move forward three meters", "en", "test");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (runtime.lastState().map(RobotState::x).orElse(0.0) < 0.05 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try (VoiceLoop loop = VoiceLoop.start(runtime, events::add, WavFileSource.open(wav), "wav", VoiceLoop.Options.from(config))) {
                assertTrue(loop.awaitEnd(Duration.ofSeconds(60)));
            }
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)));
            double x = runtime.lastState().orElseThrow().x();
            assertTrue(x < 2.5, "stopped well short of 3 m: x=" + x + " " + events);
            List<RuntimeEvent.Heard> stops = events.stream().filter(e -> e instanceof RuntimeEvent.Heard h && h.kind().equals("stop"))
                    .map(RuntimeEvent.Heard.class::cast).toList();
            assertFalse(stops.isEmpty(), "the fast stop path fired: " + events);
            assertTrue(stops.get(0).detail().startsWith("멈춰"), stops.toString());
            long transcribedAt = events.stream().filter(RuntimeEvent.Transcript.class::isInstance).map(RuntimeEvent.Transcript.class::cast)
                    .mapToLong(RuntimeEvent.Transcript::endMs).findFirst().orElse(Long.MAX_VALUE);
            assertTrue(stops.get(0).startMs() <= transcribedAt + 400, "the stop came from the rolling window, not the transcript: " + events);
        }
    }
}
