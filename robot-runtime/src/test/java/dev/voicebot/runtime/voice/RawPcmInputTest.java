package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Scene;
import dev.voicebot.speech.testing.TinyWhisperModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot run --input -}: raw 16 kHz mono s16le on stdin, spoken "turn left", the robot turns. */
class RawPcmInputTest {
    @TempDir
    Path dir;

    @Test
    void rawPcmOnStdinIsHeardAndTheRobotTurns() throws Exception {
        Path model = TinyWhisperModel.speaking("en", "turn left").write(dir.resolve("left.bin"));
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_SPEECH_MODEL", model.toString(),
                "ROBOT_WEB_ENABLED", "false"));
        float[] clip = Espeak.say("en", "turn left");
        float[] audio = new Scene((600 + clip.length / 16 + 900) / 1000.0).place(clip, 600).clean();
        byte[] pcm = new byte[audio.length * 2];
        for (int i = 0; i < audio.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, audio[i])) * 32767f);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        List<String> published = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(config, events::add);
             MqttBus watcher = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "timings-watcher"))) {
            watcher.subscribe(TopicFilter.of(new Topic("robot/" + runtime.topics().robotId() + "/timings")), QoS.AT_LEAST_ONCE,
                    m -> published.add(new String(m.payload(), StandardCharsets.UTF_8)));
            assertTrue(VoiceRun.run(runtime, events::add, "-", new ByteArrayInputStream(pcm), VoiceLoop.Options.from(config)), events.toString());
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(90.0, runtime.lastState().orElseThrow().headingDeg(), 2.0, events.toString());
        }
        assertEquals(1, published.size(), "the utterance's stage timings are on robot/{id}/timings");
        assertTrue(published.get(0).contains("\"stagesMs\"") && published.get(0).contains("\"asr\"")
                && published.get(0).contains("\"brain\""), published.get(0));
        RuntimeEvent.Transcript t = events.stream().filter(RuntimeEvent.Transcript.class::isInstance)
                .map(RuntimeEvent.Transcript.class::cast).findFirst().orElseThrow();
        assertEquals("stdin", t.source());
        assertEquals("turn left", t.text());
    }
}
