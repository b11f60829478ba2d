package dev.voicebot.speech.stop;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.SpeechConfig;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.asr.WhisperWorker;
import dev.voicebot.speech.audio.Pcm16k;
import dev.voicebot.speech.features.Frame;
import dev.voicebot.speech.vad.FrameListener;
import dev.voicebot.speech.vad.VadDecision;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The low-latency stop path: while armed (the robot is moving), every {@code hop} the last
 * {@code window} of audio is decoded with Whisper (no timestamps, so it is cheap) and searched for
 * a stop word, without waiting for the utterance to end. Worst-case stream latency after the word
 * ends is one hop plus one decode.
 *
 * <p>Guards: a window is decoded only if voice activity covers at least {@value #MIN_SPEECH_FRAMES}
 * of its frames, so silence and noise cost nothing; decodes run on the given executor, and when one
 * is still running the newest window replaces any waiting one (never a backlog); after a detection
 * the detector stays quiet for {@value #REFRACTORY_MS} ms so overlapping windows do not fire twice.
 *
 * <p>Feed it from the audio thread: {@link #accept(float[], int, int)} with every 16 kHz chunk and,
 * as a {@link FrameListener} of the {@link dev.voicebot.speech.vad.SpeechPipeline}, every frame.
 */
public final class RollingWindowStopDetector implements FrameListener {
    private static final Logger LOG = LoggerFactory.getLogger(RollingWindowStopDetector.class);
    static final int MIN_SPEECH_FRAMES = 15;
    static final long REFRACTORY_MS = 1_500;

    private final WhisperWorker worker;
    private final AsrOptions options;
    private final StopWordMatcher matcher;
    private final StopListener listener;
    private final Executor executor;
    private final int windowSamples;
    private final int hopSamples;
    private final int windowFrames;
    private final float[] ring;
    private final boolean[] speechRing;
    private long received;
    private long framesSeen;
    private long nextHopAt;
    private volatile boolean armed;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Window waiting;
    private final AtomicLong lastDetectionMs = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong decodes = new AtomicLong();

    private record Window(float[] samples, long endMs) {
    }

    /**
     * @param worker   a Whisper worker used only by this detector
     * @param options  decoding options (language, allowed languages; translation is turned off)
     * @param words    the stop words, e.g. from {@link SpeechConfig.StopWords#words()}
     * @param window   audio per decode (~0.6-1.0 s)
     * @param hop      time between decodes (~200 ms)
     * @param executor where decodes run (a single background thread; {@code Runnable::run} for tests)
     */
    public RollingWindowStopDetector(WhisperWorker worker, AsrOptions options, StopWordMatcher words, Duration window, Duration hop,
                                     Executor executor, StopListener listener) {
        this.worker = ensureNotNull(worker, "worker");
        this.options = ensureNotNull(options, "options").withTranslate(false);
        this.matcher = ensureNotNull(words, "words");
        this.executor = ensureNotNull(executor, "executor");
        this.listener = ensureNotNull(listener, "listener");
        this.windowSamples = Pcm16k.msToSamples(window.toMillis());
        this.hopSamples = Pcm16k.msToSamples(hop.toMillis());
        this.windowFrames = (int) (window.toMillis() / Frame.HOP_MS);
        this.ring = new float[windowSamples];
        this.speechRing = new boolean[windowFrames];
        this.nextHopAt = windowSamples;
    }

    public static RollingWindowStopDetector from(SpeechConfig config, WhisperWorker worker, Executor executor, StopListener listener) {
        return new RollingWindowStopDetector(worker, AsrOptions.from(config), new StopWordMatcher(config.stop().words()),
                config.stop().window(), config.stop().hop(), executor, listener);
    }

    /** Arms (motion active) or disarms the detector. Disarmed, it only keeps the recent audio. */
    public void setArmed(boolean on) {
        armed = on;
    }

    public boolean armed() {
        return armed;
    }

    /** Windows decoded so far. */
    public long decodeCount() {
        return decodes.get();
    }

    @Override
    public void onFrame(Frame frame, VadDecision decision) {
        speechRing[(int) (frame.index() % windowFrames)] = decision.speech();
        framesSeen = frame.index() + 1;
    }

    /** Feeds 16 kHz mono audio (call with every chunk, before or after the pipeline sees it). */
    public void accept(float[] samples, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (received % windowSamples)] = samples[offset + i];
            received++;
            if (received == nextHopAt) {
                nextHopAt += hopSamples;
                if (armed) {
                    maybeDecode();
                }
            }
        }
    }

    private void maybeDecode() {
        long endMs = received / Pcm16k.SAMPLES_PER_MS;
        if (endMs - lastDetectionMs.get() < REFRACTORY_MS) {
            return;
        }
        int speech = 0;
        long frames = Math.min(windowFrames, framesSeen);
        for (int i = 0; i < frames; i++) {
            speech += speechRing[i] ? 1 : 0;
        }
        if (speech < MIN_SPEECH_FRAMES) {
            return;
        }
        float[] w = new float[windowSamples];
        int start = (int) (received % windowSamples);
        System.arraycopy(ring, start, w, 0, windowSamples - start);
        System.arraycopy(ring, 0, w, windowSamples - start, start);
        offer(new Window(w, endMs));
        drain();
    }

    private void drain() {
        if (!busy.compareAndSet(false, true)) {
            return; // the running decode picks up the newest waiting window when it finishes
        }
        try {
            executor.execute(this::runPending);
        } catch (RejectedExecutionException e) {
            busy.set(false);
            LOG.warn("stop-word decode not scheduled: executor refused it", e);
        }
    }

    private void runPending() {
        try {
            Window w;
            while ((w = takeWaiting()) != null) {
                decode(w);
            }
        } finally {
            busy.set(false);
        }
        if (waiting != null) {
            drain();
        }
    }

    private synchronized void offer(Window w) {
        waiting = w;
    }

    private synchronized Window takeWaiting() {
        Window w = waiting;
        waiting = null;
        return w;
    }

    private void decode(Window w) {
        if (w.endMs - lastDetectionMs.get() < REFRACTORY_MS || !armed) {
            return;
        }
        decodes.incrementAndGet();
        Transcript t;
        try {
            t = worker.transcribe(w.samples, options, true);
        } catch (SpeechException e) {
            LOG.warn("stop-word window ending at {} ms could not be decoded", w.endMs, e);
            return;
        }
        Optional<String> word = matcher.match(t.text());
        if (word.isPresent()) {
            lastDetectionMs.set(w.endMs);
            StopDetection d = new StopDetection(w.endMs, word.get(), StopDetection.Source.WHISPER_WINDOW, "\"" + t.text() + "\"");
            LOG.info("stop word '{}' heard in the window ending at {} ms: \"{}\"", word.get(), w.endMs, t.text());
            listener.onStop(d);
        }
    }
}
