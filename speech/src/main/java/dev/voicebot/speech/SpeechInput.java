package dev.voicebot.speech;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.SpeechConfig;
import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.asr.WhisperEngine;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.Pcm16k;
import dev.voicebot.speech.features.Frame;
import dev.voicebot.speech.recognition.AsrResult;
import dev.voicebot.speech.recognition.SpeechRecognizer;
import dev.voicebot.speech.stop.KeywordSpotter;
import dev.voicebot.speech.stop.KeywordTemplate;
import dev.voicebot.speech.stop.RollingWindowStopDetector;
import dev.voicebot.speech.vad.EndpointerSettings;
import dev.voicebot.speech.vad.FrameListener;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import dev.voicebot.speech.vad.Utterance;
import dev.voicebot.speech.vad.VadDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live speech front end for {@code robot run --input mic|wav:FILE|-}: reads an
 * {@link AudioSource} on its own thread, endpoints it, transcribes each utterance with Whisper
 * (behind the hallucination guards) on a recognition thread, and, while motion is active, runs the
 * fast stop path (Whisper rolling windows, plus the MFCC keyword spotter when templates are given).
 * Everything is reported to a {@link SpeechListener}.
 *
 * <p>Without {@code speech.model} there is no ASR: utterances are reported as
 * {@link SpeechListener#untranscribed}. The Whisper model is loaded and validated by
 * {@link #start}, so a bad model fails there with a {@link ModelFileException}. Closing stops the
 * input, waits for the threads and frees the source and the model; it is safe to call twice.
 */
public final class SpeechInput implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechInput.class);
    private static final int CHUNK = Pcm16k.SAMPLE_RATE / 50; // 20 ms

    private final AudioSource source;
    private final SpeechListener listener;
    private final boolean paced;
    private final WhisperEngine engine;
    private final SpeechRecognizer recognizer;
    private final RollingWindowStopDetector stopWindows;
    private final ExecutorService recognition;
    private final ExecutorService stopDecoding;
    private final SpeechPipeline pipeline;
    private final Thread audioThread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean motionActive;

    private SpeechInput(Builder b) {
        this.source = b.source;
        this.listener = b.listener;
        this.paced = b.paced;
        SpeechConfig config = b.config;
        if (config.model() != null) {
            engine = WhisperEngine.load(config.model());
            try {
                recognizer = new SpeechRecognizer(engine, AsrOptions.from(config));
                stopWindows = RollingWindowStopDetector.from(config, engine.newWorker(), this::stopDecodingExecute, listener::stopHeard);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            stopDecoding = Executors.newSingleThreadExecutor(named("speech-stop-decoder"));
            recognition = Executors.newSingleThreadExecutor(named("speech-recognizer"));
        } else {
            engine = null;
            recognizer = null;
            stopDecoding = null;
            stopWindows = null;
            recognition = null;
        }
        List<FrameListener> frameListeners = new ArrayList<>();
        if (stopWindows != null) {
            frameListeners.add(stopWindows);
        }
        if (!b.keywordTemplates.isEmpty()) {
            KeywordSpotter spotter = new KeywordSpotter(b.keywordTemplates, b.keywordThreshold, d -> {
                if (motionActive) {
                    listener.stopHeard(d);
                }
            });
            frameListeners.add(spotter);
        }
        this.pipeline = new SpeechPipeline(EndpointerSettings.from(config), (Frame f, VadDecision d) -> {
            for (FrameListener l : frameListeners) {
                l.onFrame(f, d);
            }
        });
        this.audioThread = new Thread(this::run, "speech-audio " + source.name());
        this.audioThread.setDaemon(true);
    }

    /** Starts reading {@code source}. */
    public static Builder builder(SpeechConfig config, AudioSource source, SpeechListener listener) {
        return new Builder(config, source, listener);
    }

    /** Optional parts of a {@link SpeechInput}. */
    public static final class Builder {
        private final SpeechConfig config;
        private final AudioSource source;
        private final SpeechListener listener;
        private boolean paced;
        private boolean motionActive;
        private List<KeywordTemplate> keywordTemplates = List.of();
        private double keywordThreshold = KeywordSpotter.DEFAULT_THRESHOLD;

        private Builder(SpeechConfig config, AudioSource source, SpeechListener listener) {
            this.config = ensureNotNull(config, "config");
            this.source = ensureNotNull(source, "source");
            this.listener = ensureNotNull(listener, "listener");
        }

        /** Feed a file no faster than real time (so that motion and the stop path see realistic timing). */
        public Builder paced(boolean on) {
            this.paced = on;
            return this;
        }

        /** Whether the robot is moving when the input starts (see {@link SpeechInput#setMotionActive}). */
        public Builder motionActive(boolean on) {
            this.motionActive = on;
            return this;
        }

        /** Also run the MFCC keyword spotter with these recorded stop-word examples. */
        public Builder keywordTemplates(List<KeywordTemplate> templates, double threshold) {
            this.keywordTemplates = List.copyOf(templates);
            this.keywordThreshold = threshold;
            return this;
        }

        /**
         * Loads the model (if configured) and starts the audio thread.
         *
         * @throws ModelFileException if {@code speech.model} is set but missing or corrupt
         */
        public SpeechInput start() {
            SpeechInput in;
            try {
                in = new SpeechInput(this);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
            in.setMotionActive(motionActive);
            in.audioThread.start();
            return in;
        }
    }

    /** Arms the fast stop path while the robot moves; disarms it when it stands still. */
    public void setMotionActive(boolean active) {
        motionActive = active;
        if (stopWindows != null) {
            stopWindows.setArmed(active);
        }
    }

    /** True when utterances are transcribed (a model is configured). */
    public boolean transcribing() {
        return recognizer != null;
    }

    /** Waits until the input has ended and every utterance has been reported. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        float[] buffer = new float[CHUNK];
        long started = System.nanoTime();
        long samples = 0;
        try {
            int n;
            while (!closed.get() && (n = source.read(buffer)) >= 0) {
                if (stopWindows != null) {
                    stopWindows.accept(buffer, 0, n);
                }
                handle(pipeline.accept(buffer, 0, n));
                samples += n;
                if (paced) {
                    long aheadMs = samples / Pcm16k.SAMPLES_PER_MS - (System.nanoTime() - started) / 1_000_000;
                    if (aheadMs > 0) {
                        Thread.sleep(aheadMs);
                    }
                }
            }
            handle(pipeline.finish());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed.get()) {
                LOG.warn("speech input {} failed", source.name(), e);
                listener.failed(e);
            }
        } finally {
            finishRecognition();
            listener.ended();
            done.countDown();
        }
    }

    private void handle(List<SpeechEvent> events) {
        for (SpeechEvent e : events) {
            if (e instanceof SpeechEvent.SpeechStarted s) {
                listener.speechStarted(s.startMs());
            } else if (e instanceof SpeechEvent.UtteranceEnded u) {
                Utterance utterance = u.utterance();
                if (recognizer == null) {
                    listener.untranscribed(utterance);
                } else {
                    recognition.execute(() -> recognize(utterance));
                }
            }
        }
    }

    private void stopDecodingExecute(Runnable task) {
        stopDecoding.execute(task);
    }

    private void recognize(Utterance u) {
        if (closed.get()) {
            return;
        }
        try {
            AsrResult r = recognizer.recognize(u);
            if (r instanceof AsrResult.Recognized ok) {
                listener.recognized(u, ok.transcript());
            } else if (r instanceof AsrResult.Rejected no) {
                listener.rejected(u, no.reason(), no.detail());
            }
        } catch (RuntimeException e) {
            LOG.warn("utterance {}-{} ms could not be transcribed", u.startMs(), u.endMs(), e);
            listener.failed(e);
        }
    }

    private void finishRecognition() {
        for (ExecutorService pool : new ExecutorService[] {recognition, stopDecoding}) {
            if (pool == null) {
                continue;
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(closed.get() ? 10 : 300, TimeUnit.SECONDS)) {
                    LOG.warn("speech decoding did not finish in time; abandoning it");
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        source.close(); // unblocks a microphone read
        try {
            if (audioThread.isAlive() && Thread.currentThread() != audioThread) {
                audioThread.join(15_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (recognizer != null) {
            recognizer.close();
        }
        if (engine != null) {
            engine.close(); // also frees the stop detector's worker
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
