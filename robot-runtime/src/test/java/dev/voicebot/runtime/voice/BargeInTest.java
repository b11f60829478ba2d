package dev.voicebot.runtime.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.bus.BusOptions;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.config.TtsConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.tts.SpeechOutput;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.testing.Espeak;
import dev.voicebot.speech.testing.Signals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robot's real espeak-ng voice played back into its own input (an acoustic loop: what the speech
 * output plays comes back, quieter, on the "microphone" at real-time pace) through the real runtime,
 * broker and endpointer: its own voice does not barge in; a person talking over it does, and the
 * sentence is cut off.
 */
class BargeInTest {
    private static final String LONG_REPLY = "Let me tell you a story about a little robot who learned to walk across the kitchen.";
    @TempDir
    Path dir;

    /** A room: low noise, the robot's echo at {@code echoGain}, and optionally a person speaking {@code personAfterMs} after the robot starts. */
    static final class Room implements AudioSource {
        private final ConcurrentLinkedQueue<float[]> echo = new ConcurrentLinkedQueue<>();
        private final float[] noise = Signals.whiteNoise(0.002, 10, 16_000, 7);
        private final float echoGain;
        private final float[] person;
        private final long personAfterMs;
        private final long lengthMs;
        private long ms;
        private long robotStartMs = -1;
        private long started = -1;
        private volatile boolean closed;

        Room(float echoGain, float[] person, long personAfterMs, long lengthMs) {
            this.echoGain = echoGain;
            this.person = person;
            this.personAfterMs = personAfterMs;
            this.lengthMs = lengthMs;
        }

        void played(float[] chunk) {
            echo.add(chunk.clone());
        }

        @Override
        public int read(float[] buffer) {
            if (closed || ms >= lengthMs) {
                return -1;
            }
            if (started < 0) {
                started = System.nanoTime();
            }
            long ahead = ms - (System.nanoTime() - started) / 1_000_000;
            if (ahead > 0) {
                try {
                    Thread.sleep(ahead);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            int n = Math.min(buffer.length, 320);
            int base = (int) (ms * 16 % (noise.length - n));
            for (int i = 0; i < n; i++) {
                buffer[i] = noise[base + i];
            }
            float[] e = echo.poll();
            if (e != null) {
                if (robotStartMs < 0) {
                    robotStartMs = ms;
                }
                for (int i = 0; i < Math.min(n, e.length); i++) {
                    buffer[i] += echoGain * e[i];
                }
            }
            if (person != null && robotStartMs >= 0) {
                long offset = (ms - robotStartMs - personAfterMs) * 16;
                for (int i = 0; i < n; i++) {
                    long k = offset + i;
                    if (k >= 0 && k < person.length) {
                        buffer[i] += person[(int) k];
                    }
                }
            }
            ms += n / 16;
            return n;
        }

        @Override
        public String name() {
            return "room";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private record Run(List<RuntimeEvent> events, List<String> statuses, Path wavs) {
        List<RuntimeEvent.Heard> heard(String kind) {
            return events.stream().filter(e -> e instanceof RuntimeEvent.Heard h && h.kind().equals(kind)).map(RuntimeEvent.Heard.class::cast).toList();
        }

        List<RuntimeEvent.Speaking> speaking() {
            return events.stream().filter(RuntimeEvent.Speaking.class::isInstance).map(RuntimeEvent.Speaking.class::cast).toList();
        }
    }

    private Run talk(float[] person, long personAfterMs) throws Exception {
        RobotConfig config = new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_SIM_ENABLED", "false", "ROBOT_WEB_ENABLED", "false"));
        TtsConfig tts = new TtsConfig(true, "espeak-ng", new TtsConfig.Voices("en", "ko"), "files", 260, 10.0, Duration.ofSeconds(10));
        List<RuntimeEvent> events = new CopyOnWriteArrayList<>();
        List<String> statuses = new CopyOnWriteArrayList<>();
        Path wavs = dir.resolve("tts");
        Room room = new Room(0.1f, person, personAfterMs, 7_000);
        try (RobotRuntime runtime = RobotRuntime.start(config, events::add);
             SpeechOutput voice = SpeechOutput.start(tts, config.mqtt(), runtime.topics(), runtime.brokerUri(), wavs, events::add);
             MqttBus listener = MqttBus.connect(BusOptions.of(runtime.brokerUri(), "tts-listener"))) {
            listener.subscribe(TopicFilter.of(SpeechOutput.statusTopic(runtime.topics())), QoS.AT_LEAST_ONCE,
                    m -> statuses.add(new String(m.payload(), StandardCharsets.UTF_8)));
            voice.tap(room::played);
            try (VoiceLoop loop = VoiceLoop.start(runtime, events::add, room, "mic",
                    VoiceLoop.Options.from(config).withVoice(voice).withPaced(false))) {
                Thread.sleep(800); // the endpointer hears the room first
                byte[] reply = WireJson.newMapper().writeValueAsBytes(Envelope.of(runtime.topics().robotId(),
                        Map.of("text", LONG_REPLY, "language", "en")));
                listener.publish(Publication.event(runtime.topics().reply(), reply));
                assertTrue(loop.awaitEnd(Duration.ofSeconds(30)));
            }
        }
        return new Run(events, statuses, wavs);
    }

    @Test
    void theRobotsOwnVoiceOnTheInputDoesNotBargeIn() throws Exception {
        Run r = talk(null, 0);
        assertTrue(r.heard("barge-in").isEmpty(), "own voice barged in: " + r.events());
        assertTrue(r.heard("speech").isEmpty(), "the echo is not an utterance: " + r.events());
        List<RuntimeEvent.Speaking> speaking = r.speaking();
        assertTrue(speaking.size() >= 2 && speaking.get(0).speaking(), speaking.toString());
        assertTrue(speaking.stream().noneMatch(RuntimeEvent.Speaking::interrupted), speaking.toString());
        assertTrue(r.statuses().stream().anyMatch(s -> s.contains("\"speaking\":true")), r.statuses().toString());
        assertTrue(r.statuses().stream().anyMatch(s -> s.contains("\"speaking\":false")), r.statuses().toString());
        try (var files = Files.list(r.wavs())) {
            assertFalse(files.toList().isEmpty(), "files output keeps each sentence's WAV");
        }
    }

    @Test
    void aPersonTalkingOverTheRobotStopsItsSpeech() throws Exception {
        float[] person = Signals.scaleToRms(Espeak.say("en-us", "wait wait stop talking"), 0.15);
        Run r = talk(person, 1500);
        assertFalse(r.heard("barge-in").isEmpty(), "no barge-in: " + r.events());
        List<RuntimeEvent.Speaking> speaking = r.speaking();
        RuntimeEvent.Speaking last = speaking.get(speaking.size() - 1);
        assertFalse(last.speaking());
        assertTrue(last.interrupted(), "the sentence was cut off: " + speaking);
        assertTrue(r.statuses().stream().anyMatch(s -> s.contains("\"interrupted\":true")), r.statuses().toString());
        assertEquals(1, r.heard("speech").size(), "the person's words are an utterance: " + r.events());
    }
}
