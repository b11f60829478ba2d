package dev.voicebot.speech.asr;

import dev.voicebot.speech.ModelFileException;
import dev.voicebot.speech.TranscriptionException;
import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperContextParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded Whisper model (a whisper.cpp context, loaded once and shared), handing out
 * {@link WhisperWorker}s, each with its own decoding state: one worker per thread that decodes.
 * The model file is checked by {@link WhisperModelFile} before native code opens it. Closing the
 * engine closes its workers, then frees the context; closing twice does nothing.
 */
public final class WhisperEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WhisperEngine.class);
    private static boolean libraryLoaded;

    private final WhisperJNI whisper;
    private final WhisperContext context;
    private final WhisperModelInfo info;
    private final List<WhisperWorker> workers = new ArrayList<>();
    private boolean closed;

    private WhisperEngine(WhisperJNI whisper, WhisperContext context, WhisperModelInfo info) {
        this.whisper = whisper;
        this.context = context;
        this.info = info;
    }

    /**
     * Validates and loads a model.
     *
     * @throws ModelFileException     if the file is missing, corrupt or not loadable
     * @throws TranscriptionException if the native library cannot be loaded on this platform
     */
    public static WhisperEngine load(Path model) {
        WhisperModelInfo info = WhisperModelFile.validate(model);
        WhisperJNI whisper = loadLibrary();
        WhisperContextParams params = new WhisperContextParams();
        params.useGPU = false;
        long t0 = System.nanoTime();
        WhisperContext ctx;
        try (WhisperLogRouter.Capture log = WhisperLogRouter.capture()) {
            try {
                ctx = whisper.initNoState(model, params);
            } catch (IOException e) {
                throw new ModelFileException(model, "cannot open: " + e, e);
            }
            if (ctx == null) {
                throw new ModelFileException(model, "whisper.cpp could not load it"
                        + log.lastError().map(l -> " (" + l.trim() + ")").orElse(""));
            }
        }
        LOG.info("whisper model {} loaded in {} ms ({} layers, state {}, {})", model, (System.nanoTime() - t0) / 1_000_000,
                info.nAudioLayer(), info.nAudioState(), info.multilingual() ? "multilingual" : "English-only");
        return new WhisperEngine(whisper, ctx, info);
    }

    private static synchronized WhisperJNI loadLibrary() {
        if (!libraryLoaded) {
            try {
                WhisperJNI.loadLibrary();
            } catch (IOException | UnsatisfiedLinkError e) {
                throw new TranscriptionException("cannot load the whisper.cpp native library (whisper-jni) on "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ": " + e, e);
            }
            WhisperLogRouter.install();
            libraryLoaded = true;
        }
        return new WhisperJNI();
    }

    public WhisperModelInfo model() {
        return info;
    }

    /** A new decoder with its own state; use it from one thread at a time and close it when done. */
    public synchronized WhisperWorker newWorker() {
        if (closed) {
            throw new TranscriptionException("the Whisper engine for " + info.file() + " is closed");
        }
        WhisperState state;
        try (WhisperLogRouter.Capture log = WhisperLogRouter.capture()) {
            state = whisper.initState(context);
            if (state == null) {
                throw new TranscriptionException("whisper.cpp could not create a decoding state for " + info.file()
                        + log.lastError().map(l -> " (" + l.trim() + ")").orElse(""));
            }
        }
        WhisperWorker w = new WhisperWorker(this, whisper, context, state, info);
        workers.add(w);
        return w;
    }

    /** Frees a worker's state (called by {@link WhisperWorker#close()}); states are created and freed one at a time. */
    synchronized void release(WhisperWorker worker, WhisperState state) {
        if (workers.remove(worker)) {
            state.close();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        List<WhisperWorker> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(workers);
        }
        for (WhisperWorker w : open) {
            w.close(); // waits for a decode in progress on that worker
        }
        synchronized (this) {
            context.close();
        }
        LOG.debug("whisper model {} freed", info.file());
    }
}
