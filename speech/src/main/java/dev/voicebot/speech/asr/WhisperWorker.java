package dev.voicebot.speech.asr;

import dev.voicebot.speech.TranscriptionException;
import dev.voicebot.speech.audio.Pcm16k;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;
import io.github.givimad.whisperjni.WhisperState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes audio with a shared Whisper context and its own state. Calls are serialised per worker;
 * for parallel decoding make one worker per thread ({@link WhisperEngine#newWorker()}).
 *
 * <p>Language: with {@code auto} whisper.cpp identifies the language and reports it with its
 * probability (read from its log, see {@link WhisperLogRouter}); if the result is not in the allowed
 * list, the audio is decoded again as the first allowed language. A single allowed language is simply
 * forced. Audio shorter than 1 s is padded with silence (whisper.cpp skips shorter input).
 */
public final class WhisperWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperWorker.class);
    private static final int MIN_SAMPLES = Pcm16k.SAMPLE_RATE + Pcm16k.SAMPLE_RATE / 20; // 1.05 s

    private final WhisperEngine engine;
    private final WhisperJNI whisper;
    private final WhisperContext context;
    private final WhisperState state;
    private final WhisperModelInfo model;
    private final AtomicLong decodes = new AtomicLong();
    private boolean closed;

    WhisperWorker(WhisperEngine engine, WhisperJNI whisper, WhisperContext context, WhisperState state, WhisperModelInfo model) {
        this.engine = engine;
        this.whisper = whisper;
        this.context = context;
        this.state = state;
        this.model = model;
    }

    /** Transcribes (or translates) a stretch of 16 kHz mono audio. */
    public Transcript transcribe(float[] samples, AsrOptions options) {
        return transcribe(samples, options, false);
    }

    /**
     * @param shortWindow decode without timestamps (cheaper; for the rolling stop-word windows)
     */
    public synchronized Transcript transcribe(float[] samples, AsrOptions options, boolean shortWindow) {
        if (closed || engine.isClosed()) {
            throw new TranscriptionException("this Whisper worker for " + model.file() + " is closed");
        }
        long audioMs = samples.length / Pcm16k.SAMPLES_PER_MS;
        float[] audio = samples.length >= MIN_SAMPLES ? samples : Arrays.copyOf(samples, MIN_SAMPLES);
        boolean translate = options.translate();
        String language = options.language();
        if (!model.multilingual()) {
            if (!language.equals("auto") && !language.equals("en")) {
                throw new TranscriptionException("model " + model.file() + " is English-only; it cannot transcribe language '" + language + "'");
            }
            Decoded d = decode(audio, "en", false, options, shortWindow);
            return new Transcript(d.text, "en", Double.NaN, null, Double.NaN, false, d.segments, audioMs);
        }
        if (language.equals("auto") && options.allowedLanguages().size() == 1) {
            language = options.allowedLanguages().get(0);
        }
        if (!language.equals("auto")) {
            Decoded d = decode(audio, language, translate, options, shortWindow);
            return new Transcript(d.text, language, Double.NaN, null, Double.NaN, translate, d.segments, audioMs);
        }
        Decoded d = decode(audio, "auto", translate, options, shortWindow);
        if (d.detected.isEmpty()) {
            LOG.warn("whisper.cpp did not report the detected language (is another whisper-jni logger installed?); language unknown");
            return new Transcript(d.text, "unknown", Double.NaN, null, Double.NaN, translate, d.segments, audioMs);
        }
        WhisperLogRouter.Detected detected = d.detected.get();
        List<String> allowed = options.allowedLanguages();
        if (allowed.isEmpty() || allowed.contains(detected.language())) {
            return new Transcript(d.text, detected.language(), detected.probability(), detected.language(), detected.probability(),
                    translate, d.segments, audioMs);
        }
        String fallback = allowed.get(0);
        LOG.info("detected language {} (p = {}) is not allowed {}; decoding again as {}", detected.language(),
                detected.probability(), allowed, fallback);
        Decoded again = decode(audio, fallback, translate, options, shortWindow);
        return new Transcript(again.text, fallback, Double.NaN, detected.language(), detected.probability(), translate,
                again.segments, audioMs);
    }

    /** Number of native decodes run by this worker (for tests and metrics). */
    public long decodeCount() {
        return decodes.get();
    }

    private record Decoded(String text, List<Transcript.Segment> segments, Optional<WhisperLogRouter.Detected> detected) {
    }

    private Decoded decode(float[] audio, String language, boolean translate, AsrOptions options, boolean shortWindow) {
        WhisperFullParams p = new WhisperFullParams(options.beamSize() > 1 ? WhisperSamplingStrategy.BEAN_SEARCH : WhisperSamplingStrategy.GREEDY);
        p.nThreads = options.threads();
        p.language = language;
        p.translate = translate;
        p.detectLanguage = false;
        p.printProgress = false;
        p.printRealtime = false;
        p.printTimestamps = false;
        p.printSpecial = false;
        p.noContext = true;
        p.singleSegment = true;
        p.noTimestamps = shortWindow;
        p.suppressBlank = true;
        p.suppressNonSpeechTokens = true;
        p.temperature = 0f;
        p.temperatureInc = 0.2f;
        p.greedyBestOf = 1;
        p.beamSearchBeamSize = options.beamSize();
        decodes.incrementAndGet();
        int rc;
        List<String> lines;
        Optional<WhisperLogRouter.Detected> detected;
        Optional<String> error;
        try (WhisperLogRouter.Capture log = WhisperLogRouter.capture()) {
            rc = whisper.fullWithState(context, state, p, audio, audio.length);
            lines = log.lines();
            detected = log.detected();
            error = log.lastError();
        }
        if (rc != 0) {
            throw new TranscriptionException("whisper.cpp failed to decode " + audio.length + " samples with " + model.file()
                    + " (code " + rc + error.map(e -> ": " + e.trim()).orElse("") + ")");
        }
        int n = whisper.fullNSegmentsFromState(state);
        List<Transcript.Segment> segments = new ArrayList<>(n);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String s = whisper.fullGetSegmentTextFromState(state, i);
            long t0 = whisper.fullGetSegmentTimestamp0FromState(state, i) * 10;
            long t1 = whisper.fullGetSegmentTimestamp1FromState(state, i) * 10;
            segments.add(new Transcript.Segment(t0, t1, s == null ? "" : s.trim()));
            if (s != null) {
                text.append(s);
            }
        }
        LOG.debug("decoded {} ms as {}: '{}' ({} log lines)", audio.length / Pcm16k.SAMPLES_PER_MS, language, text, lines.size());
        return new Decoded(text.toString().trim(), segments, detected);
    }

    @Override
    public void close() {
        synchronized (this) { // waits for a decode in progress
            if (closed) {
                return;
            }
            closed = true;
        }
        engine.release(this, state);
    }
}
