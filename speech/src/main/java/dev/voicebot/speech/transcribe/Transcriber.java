package dev.voicebot.speech.transcribe;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.speech.ModelFileException;
import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.asr.WhisperEngine;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.WavFileSource;
import dev.voicebot.speech.recognition.AsrResult;
import dev.voicebot.speech.recognition.SpeechRecognizer;
import dev.voicebot.speech.vad.SpeechEvent;
import dev.voicebot.speech.vad.SpeechPipeline;
import dev.voicebot.speech.vad.Utterance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The library side of {@code robot transcribe}: endpoints each WAV file and, unless VAD-only,
 * transcribes every utterance with Whisper behind the hallucination guards, yielding one
 * {@link TranscriptionRecord} per utterance. The model is loaded (and validated) once, when the
 * transcriber is created. Close it to free the model.
 */
public final class Transcriber implements AutoCloseable {
    private final TranscribeOptions options;
    private final WhisperEngine engine;
    private final SpeechRecognizer recognizer;

    /**
     * @throws ModelFileException if ASR is wanted and the model is missing, unreadable or corrupt
     */
    public Transcriber(TranscribeOptions options) {
        this.options = ensureNotNull(options, "options");
        if (options.vadOnly()) {
            engine = null;
            recognizer = null;
        } else {
            Path model = options.model().orElseThrow(() -> new ModelFileException(null,
                    "no Whisper model configured: pass --model PATH (a ggml .bin file) or set speech.model, or use --vad-only"));
            engine = WhisperEngine.load(model);
            SpeechRecognizer r;
            try {
                r = new SpeechRecognizer(engine, options.asr());
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            recognizer = r;
        }
    }

    /** All utterances of a file. */
    public List<TranscriptionRecord> transcribe(Path file) {
        List<TranscriptionRecord> out = new ArrayList<>();
        transcribe(file, out::add);
        return out;
    }

    /**
     * Streams the utterances of a file to {@code sink} as they are found.
     *
     * @throws dev.voicebot.speech.AudioFileException if the file cannot be read
     */
    public void transcribe(Path file, Consumer<TranscriptionRecord> sink) {
        try (AudioSource source = WavFileSource.open(file)) {
            transcribe(source, file.toString(), sink);
        }
    }

    /** Streams the utterances of any audio source; {@code name} goes into the records' {@code file} field. */
    public void transcribe(AudioSource source, String name, Consumer<TranscriptionRecord> sink) {
        SpeechPipeline pipeline = new SpeechPipeline(options.endpoints());
        float[] buffer = new float[4096];
        int n;
        while ((n = source.read(buffer)) >= 0) {
            emit(pipeline.accept(buffer, 0, n), name, sink);
        }
        emit(pipeline.finish(), name, sink);
    }

    private void emit(List<SpeechEvent> events, String name, Consumer<TranscriptionRecord> sink) {
        for (SpeechEvent e : events) {
            if (e instanceof SpeechEvent.UtteranceEnded ended) {
                sink.accept(record(ended.utterance(), name));
            }
        }
    }

    private TranscriptionRecord record(Utterance u, String name) {
        if (recognizer == null) {
            return new TranscriptionRecord(name, u.startMs(), u.endMs(), u.prosody(), Optional.empty());
        }
        AsrResult r = recognizer.recognize(u);
        TranscriptionRecord.Asr asr;
        if (r instanceof AsrResult.Recognized ok) {
            Transcript t = ok.transcript();
            asr = new TranscriptionRecord.Asr(t.text(), t.language(), t.languageProbability(), t.translated(), Optional.empty(), null);
        } else {
            AsrResult.Rejected no = (AsrResult.Rejected) r;
            Transcript t = no.transcript();
            asr = new TranscriptionRecord.Asr(null, t == null ? null : t.language(), t == null ? Double.NaN : t.languageProbability(),
                    t != null && t.translated(), Optional.of(no.reason()), no.detail());
        }
        return new TranscriptionRecord(name, u.startMs(), u.endMs(), u.prosody(), Optional.of(asr));
    }

    @Override
    public void close() {
        if (recognizer != null) {
            recognizer.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
