package dev.voicebot.speech.recognition;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.speech.asr.AsrOptions;
import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.asr.WhisperEngine;
import dev.voicebot.speech.asr.WhisperWorker;
import dev.voicebot.speech.guard.HallucinationFilter;
import dev.voicebot.speech.guard.Rejection;
import dev.voicebot.speech.vad.Utterance;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns utterances into transcripts with Whisper behind the hallucination guards. Owns one
 * {@link WhisperWorker} of the given engine (closed with this recognizer; the engine stays open).
 * Calls are serialised; use one recognizer per decoding thread.
 */
public final class SpeechRecognizer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpeechRecognizer.class);

    private final WhisperWorker worker;
    private final AsrOptions options;
    private final HallucinationFilter filter;

    public SpeechRecognizer(WhisperEngine engine, AsrOptions options, HallucinationFilter filter) {
        this.options = ensureNotNull(options, "options");
        this.filter = ensureNotNull(filter, "filter");
        this.worker = ensureNotNull(engine, "engine").newWorker();
    }

    public SpeechRecognizer(WhisperEngine engine, AsrOptions options) {
        this(engine, options, new HallucinationFilter());
    }

    public AsrResult recognize(Utterance utterance) {
        Optional<Rejection> skip = filter.beforeDecoding(utterance.voice());
        if (skip.isPresent()) {
            LOG.info("utterance {}-{} ms not decoded: {} ({})", utterance.startMs(), utterance.endMs(), skip.get().reason(), skip.get().detail());
            return new AsrResult.Rejected(utterance, skip.get().reason(), skip.get().detail(), null);
        }
        Transcript t = worker.transcribe(utterance.samples(), options);
        Optional<Rejection> drop = filter.afterDecoding(t, utterance.voice());
        if (drop.isPresent()) {
            LOG.info("utterance {}-{} ms transcript dropped: {} ({})", utterance.startMs(), utterance.endMs(), drop.get().reason(), drop.get().detail());
            return new AsrResult.Rejected(utterance, drop.get().reason(), drop.get().detail(), t);
        }
        return new AsrResult.Recognized(utterance, t);
    }

    /** Native decodes run so far (0 means Whisper was never called). */
    public long decodeCount() {
        return worker.decodeCount();
    }

    @Override
    public void close() {
        worker.close();
    }
}
