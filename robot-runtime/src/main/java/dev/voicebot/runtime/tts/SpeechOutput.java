package dev.voicebot.runtime.tts;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voicebot.actuators.bus.BusException;
import dev.voicebot.actuators.bus.BusMessage;
import dev.voicebot.actuators.bus.MqttBus;
import dev.voicebot.actuators.bus.Publication;
import dev.voicebot.actuators.bus.QoS;
import dev.voicebot.actuators.bus.RobotTopics;
import dev.voicebot.actuators.bus.Topic;
import dev.voicebot.actuators.bus.TopicFilter;
import dev.voicebot.actuators.wire.Envelope;
import dev.voicebot.actuators.wire.WireJson;
import dev.voicebot.config.TtsConfig;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.voice.RobotVoice;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.audio.Pcm16k;
import dev.voicebot.speech.audio.WavFileSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's voice: subscribes to {@code robot/{id}/reply} on its own MQTT connection and speaks each
 * sentence with {@code tts.command} (espeak-ng) in the voice for the reply's language. Each sentence is
 * synthesised to a WAV file and then played at real-time pace: on the sound device for
 * {@code output: speaker} (Java Sound; without a device it is played silently), silently for
 * {@code files} (the WAV is kept) and {@code discard} (the WAV is deleted). What is played is offered to
 * {@link #tap} listeners chunk by chunk (the echo a microphone would pick up), and its level to the
 * half-duplex gate. Start and stop of every sentence go to {@code robot/{id}/tts/status} and the event
 * sink. {@link #interrupt()} cuts the sentence off and drops the rest (barge-in). Closed once.
 */
public final class SpeechOutput implements RobotVoice, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechOutput.class);
    private static final int CHUNK = Pcm16k.SAMPLE_RATE / 50; // 20 ms

    private record Sentence(String text, String language, long generation) {
    }

    private final TtsConfig config;
    private final Path dir;
    private final EventSink events;
    private final RobotTopics topics;
    private final MqttBus bus;
    private final ObjectMapper json = WireJson.newMapper();
    private final BlockingQueue<Sentence> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<float[]>> taps = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong fileNumber = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread worker;
    private volatile boolean speaking;
    private volatile double playbackDb = Double.NaN;
    private volatile Process synth;

    private SpeechOutput(TtsConfig config, Path dir, EventSink events, RobotTopics topics, MqttBus bus) {
        this.config = config;
        this.dir = dir;
        this.events = events;
        this.topics = topics;
        this.bus = bus;
        this.worker = new Thread(this::run, "tts-speaker");
        this.worker.setDaemon(true);
    }

    /**
     * Connects to {@code brokerUri} (with the TLS and credentials of {@code mqtt}) and starts speaking
     * replies; WAV files go to {@code dir} (created).
     *
     * @throws BusException when the broker cannot be reached
     * @throws IOException  when {@code dir} cannot be created
     */
    public static SpeechOutput start(TtsConfig config, dev.voicebot.config.MqttConfig mqtt, RobotTopics topics, String brokerUri, Path dir,
                                     EventSink events)
            throws BusException, IOException {
        ensureNotNull(config, "config");
        ensureNotNull(topics, "topics");
        ensureNotNull(brokerUri, "brokerUri");
        ensureNotNull(dir, "dir");
        ensureNotNull(events, "events");
        Files.createDirectories(dir);
        ensureNotNull(mqtt, "mqtt");
        MqttBus bus = MqttBus.connect(dev.voicebot.actuators.bus.ConfiguredBus.options(mqtt, brokerUri,
                "tts-" + topics.robotId() + "-" + Long.toHexString(System.nanoTime())));
        SpeechOutput out = new SpeechOutput(config, dir, events, topics, bus);
        try {
            bus.subscribe(TopicFilter.of(topics.reply()), QoS.AT_LEAST_ONCE, out::onReply);
        } catch (BusException | RuntimeException e) {
            bus.close();
            throw e;
        }
        out.worker.start();
        return out;
    }

    /** The topic speaking started/stopped is published on. */
    public static Topic statusTopic(RobotTopics topics) {
        return new Topic("robot/" + topics.robotId() + "/tts/status");
    }

    /** Receives every 20 ms chunk of 16 kHz audio as it is played (for echo tests and echo cancellation). */
    public void tap(Consumer<float[]> listener) {
        taps.add(ensureNotNull(listener, "listener"));
    }

    /** Queues {@code text} to be spoken sentence by sentence (what a reply on the bus does). */
    public void say(String text, String language) {
        long g = generation.get();
        for (String s : sentences(text)) {
            queue.add(new Sentence(s, language == null ? "en" : language, g));
        }
    }

    @Override
    public boolean speaking() {
        return speaking || !queue.isEmpty();
    }

    @Override
    public double playbackLevelDb() {
        return speaking ? playbackDb : Double.NaN;
    }

    @Override
    public void interrupt() {
        generation.incrementAndGet();
        queue.clear();
        Process p = synth;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.strip().split("(?<=[.!?。！？])\\s+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private void onReply(BusMessage message) {
        try {
            JsonNode payload = json.readTree(message.payload()).path("payload");
            String text = payload.path("text").asText("");
            if (!text.isBlank()) {
                say(text, payload.path("language").asText("en"));
            }
        } catch (IOException e) {
            LOG.warn("unreadable reply on {}", message.topic(), e);
        }
    }

    private void run() {
        while (!closed.get()) {
            Sentence s;
            try {
                s = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (s == null || s.generation() != generation.get()) {
                continue;
            }
            try {
                speak(s);
            } catch (RuntimeException e) {
                LOG.warn("sentence could not be spoken", e);
                events.emit(new RuntimeEvent.Error("tts", "could not speak: " + e.getMessage()));
            }
        }
    }

    private void speak(Sentence s) {
        Path wav = dir.resolve("tts-" + fileNumber.incrementAndGet() + ".wav");
        float[] samples;
        try {
            if (!synthesize(s, wav)) {
                return;
            }
            samples = WavFileSource.readAll(wav);
        } catch (SpeechException e) {
            LOG.warn("{} produced no readable WAV for a sentence", config.command(), e);
            events.emit(new RuntimeEvent.Error("tts", config.command() + " produced no readable audio: " + e.getMessage()));
            return;
        } finally {
            if (!config.output().equals("files")) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", wav, e);
                }
            }
        }
        speaking = true;
        status(true, s, false);
        boolean interrupted = !play(samples, s.generation());
        speaking = false;
        playbackDb = Double.NaN;
        status(false, s, interrupted);
    }

    private boolean synthesize(Sentence s, Path wav) {
        List<String> cmd = List.of(config.command(), "-v", config.voices().forLanguage(s.language()),
                "-s", Integer.toString(config.wordsPerMinute()), "-w", wav.toString());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            synth = p;
            try (OutputStream in = p.getOutputStream()) {
                in.write(s.text().getBytes(StandardCharsets.UTF_8)); // on stdin: text starting with '-' is never an option
            }
            boolean done = p.waitFor(30, TimeUnit.SECONDS);
            synth = null;
            if (!done) {
                p.destroyForcibly();
                events.emit(new RuntimeEvent.Error("tts", config.command() + " did not finish in 30 s"));
                return false;
            }
            if (s.generation() != generation.get()) {
                return false; // interrupted while synthesising
            }
            if (p.exitValue() != 0) {
                events.emit(new RuntimeEvent.Error("tts", config.command() + " exited with " + p.exitValue()));
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.warn("cannot run {}", config.command(), e);
            events.emit(new RuntimeEvent.Error("tts", "cannot run " + config.command() + ": " + e.getMessage()
                    + " (install espeak-ng or set tts.command)"));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Plays at real-time pace; false when interrupted. */
    private boolean play(float[] samples, long gen) {
        try (Playback line = Playback.open(config.output().equals("speaker"))) {
            long started = System.nanoTime();
            for (int at = 0; at < samples.length; at += CHUNK) {
                if (gen != generation.get() || closed.get()) {
                    line.flush();
                    return false;
                }
                float[] chunk = java.util.Arrays.copyOfRange(samples, at, Math.min(samples.length, at + CHUNK));
                double sum = 0;
                for (float v : chunk) {
                    sum += v * (double) v;
                }
                playbackDb = 10 * Math.log10(Math.max(sum / chunk.length, 1e-12));
                for (Consumer<float[]> t : taps) {
                    t.accept(chunk);
                }
                line.write(chunk);
                long aheadMs = (at + chunk.length) / Pcm16k.SAMPLES_PER_MS - (System.nanoTime() - started) / 1_000_000;
                if (aheadMs > 0) {
                    Thread.sleep(aheadMs);
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void status(boolean on, Sentence s, boolean interrupted) {
        events.emit(new RuntimeEvent.Speaking(on, s.text(), s.language(), interrupted));
        try {
            byte[] body = json.writeValueAsBytes(Envelope.of(topics.robotId(),
                    Map.of("speaking", on, "text", s.text(), "language", s.language(), "interrupted", interrupted)));
            bus.publish(Publication.event(statusTopic(topics), body));
        } catch (IOException | BusException | RuntimeException e) {
            LOG.warn("tts status not published", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        interrupt();
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.close();
    }
}
