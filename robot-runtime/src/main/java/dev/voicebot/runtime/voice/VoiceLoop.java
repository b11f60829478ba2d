package dev.voicebot.runtime.voice;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.config.SpeechConfig;
import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.speech.SpeechInput;
import dev.voicebot.speech.SpeechListener;
import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.guard.RejectReason;
import dev.voicebot.speech.stop.StopDetection;
import dev.voicebot.speech.vad.Utterance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spoken input into the running robot: a {@link SpeechInput} on an audio source, each transcript through
 * {@link RobotRuntime#handleText} (input safety, brain, publish), with the fast stop path armed while
 * the robot moves, per-utterance stage timings (events and {@code robot/{id}/timings}), barge-in on the
 * robot's own voice behind a {@link HalfDuplexGate}, and "a bit more" follow-ups within a session.
 * Closing stops the input and waits for the utterance in hand; safe to call twice.
 */
public final class VoiceLoop implements SpeechListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceLoop.class);
    private static final long STOP_DEBOUNCE_NANOS = 1_000_000_000L;

    /** How the loop behaves; {@link #defaults()} for robot run. */
    public record Options(boolean paced, Duration sessionSilence, double bargeInMarginDb, RobotVoice voice) {
        public Options {
            ensureNotNull(sessionSilence, "sessionSilence");
            ensureNotNull(voice, "voice");
        }

        public static Options defaults() {
            return new Options(true, Duration.ofSeconds(10), 10.0, RobotVoice.SILENT);
        }

        /** From the {@code tts:} section (barge-in margin, session silence), with no voice yet. */
        public static Options from(dev.voicebot.config.RobotConfig config) {
            return new Options(true, config.tts().sessionSilence(), config.tts().bargeInMarginDb(), RobotVoice.SILENT);
        }

        public Options withVoice(RobotVoice v) {
            return new Options(paced, sessionSilence, bargeInMarginDb, v);
        }

        public Options withPaced(boolean p) {
            return new Options(p, sessionSilence, bargeInMarginDb, voice);
        }

        public Options withSession(Duration silence, double marginDb) {
            return new Options(paced, silence, marginDb, voice);
        }
    }

    private final RobotRuntime runtime;
    private final EventSink events;
    private final String label;
    private final Options options;
    private final HalfDuplexGate gate;
    private final FollowUps followUps;
    private final ExecutorService brain = Executors.newSingleThreadExecutor(named("voice-brain"));
    private final ScheduledExecutorService motionWatch = Executors.newSingleThreadScheduledExecutor(named("voice-motion"));
    private final AtomicLong lastStopNanos = new AtomicLong(System.nanoTime() - 2 * STOP_DEBOUNCE_NANOS);
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile MeteredSource source;
    private volatile SpeechInput input;
    private volatile boolean motionActive;
    private volatile dev.voicebot.brain.CancelSignal inFlight;

    private VoiceLoop(RobotRuntime runtime, EventSink events, String label, Options options) {
        this.runtime = runtime;
        this.events = events;
        this.label = label;
        this.options = options;
        this.gate = new HalfDuplexGate(options.voice(), options.bargeInMarginDb());
        this.followUps = new FollowUps(options.sessionSilence());
    }

    /**
     * Starts listening to {@code audio} (closed with the loop). {@code label} names the input in
     * events ({@code mic}, {@code wav}, {@code stdin}).
     *
     * @throws dev.voicebot.speech.ModelFileException if {@code speech.model} is set but missing or corrupt
     */
    public static VoiceLoop start(RobotRuntime runtime, EventSink events, AudioSource audio, String label, Options options) {
        ensureNotNull(runtime, "runtime");
        ensureNotNull(events, "events");
        ensureNotNull(audio, "audio");
        ensureNotNull(options, "options");
        VoiceLoop loop = new VoiceLoop(runtime, events, label, options);
        SpeechConfig speech = runtime.config().speech();
        loop.source = new MeteredSource(audio, loop::onLevel);
        try {
            loop.input = SpeechInput.builder(speech, loop.source, loop).paced(options.paced()).motionActive(loop.moving()).start();
        } catch (RuntimeException e) {
            loop.brain.shutdownNow();
            loop.motionWatch.shutdownNow();
            throw e;
        }
        if (!loop.input.transcribing()) {
            String advice = dev.voicebot.runtime.models.ModelAdvice.forConfig(runtime.config(), dev.voicebot.runtime.models.ModelCatalogue.builtIn())
                    .stream().filter(l -> l.contains("speech.model")).findFirst()
                    .orElse("no speech.model configured: speech recognition is off");
            LOG.warn("speech recognition is off; utterances are endpointed but not transcribed. {}", advice);
            events.emit(new RuntimeEvent.Notice("speech", "speech recognition is off (utterances are found but not understood): " + advice));
        }
        loop.motionWatch.scheduleWithFixedDelay(loop::watchMotion, 50, 50, TimeUnit.MILLISECONDS);
        return loop;
    }

    /**
     * Waits until the input has ended and every utterance has been handled. Returns false on timeout.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!input.awaitEnd(timeout)) {
            return false;
        }
        try {
            brain.submit(() -> { }).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** True when the input failed (unreadable file, lost microphone, Whisper error). */
    public boolean failed() {
        return failed.get();
    }

    private boolean moving() {
        return runtime.lastState().map(s -> !s.idle()).orElse(false);
    }

    private void watchMotion() {
        try {
            boolean now = moving();
            if (now != motionActive) {
                motionActive = now;
                input.setMotionActive(now);
            }
        } catch (RuntimeException e) {
            LOG.warn("motion watch failed", e);
        }
    }

    private void onLevel(double levelDb) {
        if (gate.onLevel(levelDb)) {
            bargeIn(source.readMs(), "the person spoke louder than the robot's echo while it was speaking");
        }
    }

    @Override
    public void speechStarted(long startMs) {
        if (gate.bargesIn(startMs)) {
            bargeIn(startMs, "the person started speaking while the robot was speaking");
        } else if (!options.voice().speaking() && inFlight != null) {
            bargeIn(startMs, "the person started speaking while the reply was being generated");
        }
    }

    private void bargeIn(long ms, String why) {
        LOG.info("barge-in at {} ms: {}", ms, why);
        options.voice().interrupt();
        dev.voicebot.brain.CancelSignal generating = inFlight;
        if (generating != null) {
            generating.cancel();
        }
        events.emit(new RuntimeEvent.Heard("barge-in", ms, ms, why));
    }

    @Override
    public void recognized(Utterance u, Transcript t) {
        long heardNanos = System.nanoTime();
        if (gate.ignores(u.startMs())) {
            events.emit(new RuntimeEvent.Heard("rejected", u.startMs(), u.endMs(), "own voice: began while the robot was speaking"));
            return;
        }
        runtime.recorder().record(u.samples(), t.language()); // opt-in debug recording (privacy.recordAudio); off by default
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("endpointing", (double) (u.audioEndMs() - u.endMs()));
        runtime.ops().metrics().record(dev.voicebot.runtime.ops.Stage.ENDPOINTING, java.time.Duration.ofMillis(Math.max(0, u.audioEndMs() - u.endMs())));
        Long read = source.nanosWhenRead(u.audioEndMs());
        if (read != null) {
            timings.put("asr", ms(heardNanos - read));
            runtime.ops().metrics().record(dev.voicebot.runtime.ops.Stage.ASR, java.time.Duration.ofNanos(Math.max(0, heardNanos - read)));
        }
        Double p = Double.isNaN(t.languageProbability()) ? null : round(t.languageProbability());
        events.emit(new RuntimeEvent.Transcript(t.text(), t.language(), p, u.startMs(), u.endMs(), label, Map.copyOf(timings)));
        brain.execute(() -> handle(u, t.text(), t.language(), timings, heardNanos, read));
    }

    /** The utterance's prosody as the brain's emotion cue; nothing when the measurements are unusable. */
    static Optional<dev.voicebot.brain.emotion.ProsodySummary> prosodyOf(Utterance u) {
        dev.voicebot.speech.features.Prosody p = u.prosody();
        if (p == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new dev.voicebot.brain.emotion.ProsodySummary(
                    clamp(p.pitchMeanHz(), 0, 1000, 0), clamp(p.pitchHighHz() - p.pitchLowHz(), 0, 1000, 0),
                    clamp(p.energyMeanDb(), -120, 0, -120), clamp(p.speakingRate(), 0, 20, 0)));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    /** NaN (no pitch found, say) becomes {@code ifUnknown}; anything else is kept within the summary's range. */
    private static double clamp(double v, double lo, double hi, double ifUnknown) {
        return Double.isFinite(v) ? Math.max(lo, Math.min(hi, v)) : ifUnknown;
    }

    private void handle(Utterance u, String text, String language, Map<String, Double> timings, long heardNanos, Long read) {
        if (closed.get() || text.isBlank()) {
            return;
        }
        try {
            long start = System.nanoTime();
            timings.put("queued", ms(start - heardNanos));
            Optional<Intent> more = followUps.followUp(text, start);
            List<Intent> intents;
            if (more.isPresent()) {
                events.emit(new RuntimeEvent.Utterance(text, language, label));
                events.emit(new RuntimeEvent.Intents(text, language, "follow-up", List.of(more.get()), 0.0));
                runtime.sendCommand(more.get());
                intents = List.of(more.get());
                timings.put("handle", ms(System.nanoTime() - start));
            } else {
                dev.voicebot.brain.CancelSignal cancel = new dev.voicebot.brain.CancelSignal();
                inFlight = cancel;
                BrainResult r;
                try {
                    r = runtime.handleText(text, language, label, cancel, prosodyOf(u));
                } finally {
                    inFlight = null;
                }
                intents = r.intents();
                double handle = ms(System.nanoTime() - start);
                double brainMs = r.elapsed().toNanos() / 1e6;
                timings.put("brain", round(brainMs));
                // input safety, publishing and the commands: the rest of handleText
                timings.put("safetyAndPublish", round(Math.max(0, handle - brainMs)));
                timings.put("handle", handle);
            }
            followUps.heard(intents, System.nanoTime());
            if (read != null) {
                timings.put("total", ms(System.nanoTime() - read));
            }
            Map<String, Double> stages = Map.copyOf(timings);
            events.emit(new RuntimeEvent.Timings(u.startMs(), u.endMs(), stages));
            runtime.publishTimings(u.startMs(), u.endMs(), stages);
        } catch (RuntimeException e) {
            LOG.warn("utterance {}-{} ms could not be handled", u.startMs(), u.endMs(), e);
            events.emit(new RuntimeEvent.Error("voice", "utterance at " + u.startMs() + " ms could not be handled: " + e));
        }
    }

    @Override
    public void rejected(Utterance u, RejectReason reason, String detail) {
        events.emit(new RuntimeEvent.Heard("rejected", u.startMs(), u.endMs(), reason + (detail == null ? "" : ": " + detail)));
    }

    @Override
    public void untranscribed(Utterance u) {
        if (gate.ignores(u.startMs())) {
            return;
        }
        runtime.recorder().record(u.samples(), null);
        events.emit(new RuntimeEvent.Heard("speech", u.startMs(), u.endMs(), "not transcribed: no speech.model"));
    }

    @Override
    public void stopHeard(StopDetection d) {
        long now = System.nanoTime();
        long last = lastStopNanos.get();
        if (now - last < STOP_DEBOUNCE_NANOS || !lastStopNanos.compareAndSet(last, now)) {
            return;
        }
        LOG.info("stop word '{}' heard at {} ms ({}): stopping", d.word(), d.streamTimeMs(), d.source());
        runtime.sendCommand(new Stop());
        options.voice().interrupt();
        events.emit(new RuntimeEvent.Heard("stop", d.streamTimeMs(), d.streamTimeMs(),
                d.word() + " (" + d.source().name().toLowerCase(java.util.Locale.ROOT) + ")"));
    }

    @Override
    public void failed(RuntimeException error) {
        failed.set(true);
        events.emit(new RuntimeEvent.Error("speech", error.getMessage()));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        motionWatch.shutdownNow();
        if (input != null) {
            input.close();
        }
        brain.shutdown();
        try {
            if (!brain.awaitTermination(10, TimeUnit.SECONDS)) {
                brain.shutdownNow();
            }
        } catch (InterruptedException e) {
            brain.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
