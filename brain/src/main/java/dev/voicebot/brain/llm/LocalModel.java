package dev.voicebot.brain.llm;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.voicebot.brain.llm.gguf.GgufFile;
import dev.voicebot.brain.llm.gguf.ModelFileCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GGUF model loaded into llama.cpp (de.kherud:llama): the model's own chat template, its tokenizer,
 * and streamed generation that stops between tokens when asked. The files are checked in Java first
 * ({@link ModelFileCheck}), so a missing, truncated or non-GGUF file is a {@link dev.voicebot.brain.llm.gguf.ModelFileException}
 * and never reaches native code. One generation runs at a time. Closed once; using it afterwards is an
 * {@link IllegalStateException}.
 */
public final class LocalModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalModel.class);
    private static final Object NATIVE_INIT = new Object();
    private static boolean nativeInitialized;

    private final ModelSettings settings;
    private final GgufFile header;
    private final LlamaModel model;
    private final ReentrantLock generating = new ReentrantLock();
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalModel(ModelSettings settings, GgufFile header, LlamaModel model) {
        this.settings = settings;
        this.header = header;
        this.model = model;
    }

    /**
     * Checks the model (and adapter) files in Java, then loads them into llama.cpp.
     *
     * @throws dev.voicebot.brain.llm.gguf.ModelFileException a file is missing, unreadable, truncated or not a usable GGUF
     * @throws ModelLoadException llama.cpp refused the files anyway
     */
    public static LocalModel load(ModelSettings settings) {
        ensureNotNull(settings, "settings");
        GgufFile header = ModelFileCheck.model(settings.model());
        settings.lora().ifPresent(lora -> ModelFileCheck.adapter(lora, header));
        initNative();
        ModelParameters p = new ModelParameters()
                .setModel(settings.model().toString())
                .setCtxSize(settings.contextSize())
                .setThreads(settings.threads())
                .setThreadsBatch(settings.threads())
                .setTemp((float) settings.temperature())
                .setParallel(1)
                // llama.cpp's own log goes to the process's stdout, where `robot parse` writes JSON: keep it quiet.
                // (A Java log callback is no option: llama.cpp calls it from threads not attached to the JVM,
                // and de.kherud then throws a C++ exception there, which aborts the process.)
                .disableLog();
        if (settings.gpuLayers() > 0) {
            p.setGpuLayers(settings.gpuLayers());
        }
        if (settings.seed() >= 0) {
            p.setSeed(settings.seed());
        }
        settings.lora().ifPresent(lora -> p.addLoraAdapter(lora.toString()));
        long start = System.nanoTime();
        LlamaModel model;
        try {
            model = new LlamaModel(p);
        } catch (RuntimeException e) {
            // de.kherud's LlamaException is package-private: it arrives here as a RuntimeException.
            throw new ModelLoadException(settings.model(), String.valueOf(e.getMessage()), e);
        }
        if (!hasNativeContext(model)) {
            throw new ModelLoadException(settings.model(), "llama.cpp rejected the load parameters " + p, null);
        }
        LOG.info("loaded {} ({}, {} MB) in {} ms: context {} tokens, {} threads, {} GPU layers{}", settings.model(),
                header.architecture().orElse("?"), header.fileSize() / 1_000_000, (System.nanoTime() - start) / 1_000_000,
                settings.contextSize(), settings.threads(), settings.gpuLayers(), settings.lora().map(l -> ", LoRA " + l).orElse(""));
        return new LocalModel(settings, header, model);
    }

    public ModelSettings settings() {
        return settings;
    }

    /** The checked GGUF header of the model file. */
    public GgufFile header() {
        return header;
    }

    /** A short name for logs and the CLI: {@code general.name}, else the file name. */
    public String name() {
        return header.string("general.name").orElse(settings.model().getFileName().toString());
    }

    /** The number of tokens the model's tokenizer makes of {@code text} (special tokens such as {@code <|im_start|>} count as one). */
    public int countTokens(String text) {
        ensureOpen();
        return model.encode(text).length;
    }

    /**
     * Renders a chat with the model's own template (from its GGUF metadata; llama.cpp falls back to ChatML
     * for templates it does not know), ending with the assistant's turn opened, ready for generation.
     */
    public String renderChat(String system, List<ChatMessage> messages) {
        ensureOpen();
        // de.kherud returns the rendered chat through JNI NewStringUTF, which garbles characters outside the
        // BMP (emoji): they travel as private-use stand-ins and are put back afterwards.
        BmpShield shield = BmpShield.of(system, messages);
        List<Pair<String, String>> pairs = new ArrayList<>();
        for (ChatMessage m : messages) {
            pairs.add(new Pair<>(m.role().wire(), shield.hide(m.content())));
        }
        return shield.restore(model.applyTemplate(new InferenceParameters("").setMessages(shield.hide(system), pairs)));
    }

    /** Converts a JSON schema to a llama.cpp grammar (GBNF); the schema must be one llama.cpp supports. */
    public static String grammarFor(String jsonSchema) {
        initNative();
        return LlamaModel.jsonSchemaToGrammar(jsonSchema);
    }

    /**
     * Generates a continuation of {@code prompt}, handing each piece of text to {@code onText} as it is
     * generated, on the calling thread. {@code stopRequested} is checked before each token: when it turns
     * true, generation is cancelled at once. One generation at a time: a second caller waits.
     */
    public Generation generate(String prompt, GenerationOptions options, Consumer<String> onText, BooleanSupplier stopRequested) {
        ensureNotNull(prompt, "prompt");
        ensureNotNull(options, "options");
        generating.lock();
        try {
            ensureOpen();
            return run(prompt, options, onText, stopRequested);
        } finally {
            generating.unlock();
        }
    }

    private Generation run(String prompt, GenerationOptions options, Consumer<String> onText, BooleanSupplier stopRequested) {
        InferenceParameters p = new InferenceParameters(prompt)
                .setNPredict(options.maxTokens())
                .setTemperature((float) options.temperature())
                .setCachePrompt(true);
        options.grammar().ifPresent(p::setGrammar);
        long start = System.nanoTime();
        Duration firstToken = null;
        StringBuilder text = new StringBuilder();
        int steps = 0; // results before the final one: one per token, except tokens held back as incomplete UTF-8
        Generation.Stop stop = Generation.Stop.FINISHED;
        String error = null;
        LlamaIterator it = null;
        try {
            it = model.generate(p).iterator();
            while (it.hasNext()) {
                if (stopRequested.getAsBoolean()) {
                    it.cancel();
                    stop = Generation.Stop.STOPPED;
                    break;
                }
                LlamaOutput out = it.next();
                if (it.hasNext()) {
                    steps++;
                }
                if (!out.text.isEmpty()) {
                    if (firstToken == null) {
                        firstToken = Duration.ofNanos(System.nanoTime() - start);
                    }
                    text.append(out.text);
                    onText.accept(out.text);
                }
            }
        } catch (RuntimeException e) {
            // A native error (LlamaException is package-private) or a failing listener: stop this generation only.
            LOG.warn("generation failed after {} characters", text.length(), e);
            stop = Generation.Stop.ERROR;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (it != null && it.hasNext()) {
                it.cancel();
            }
        }
        // The exact count is not exposed; re-encoding the text estimates it (and counts held-back bytes).
        int tokens = text.length() == 0 ? steps : Math.max(steps, model.encode(text.toString()).length);
        if (stop == Generation.Stop.FINISHED && steps >= options.maxTokens()) {
            stop = Generation.Stop.TOKEN_LIMIT;
        }
        return new Generation(text.toString(), tokens, Optional.ofNullable(firstToken), Duration.ofNanos(System.nanoTime() - start),
                stop, Optional.ofNullable(error));
    }

    /** Frees the native model once; waits for a running generation to notice its stop request first. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        generating.lock();
        try {
            model.close();
            LOG.info("closed {}", settings.model());
        } finally {
            generating.unlock();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the model " + settings.model() + " is closed");
        }
    }

    /**
     * de.kherud's loader returns without an exception when llama.cpp refuses its arguments, leaving a
     * null native context that crashes the JVM on first use; this reads that context once to refuse such a model.
     */
    private static boolean hasNativeContext(LlamaModel model) {
        try {
            Field ctx = LlamaModel.class.getDeclaredField("ctx");
            ctx.setAccessible(true);
            return ctx.getLong(model) != 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot inspect the native context of de.kherud's LlamaModel; assuming it loaded", e);
            return true;
        }
    }

    /**
     * Loads de.kherud's native library once. Its loader prints "Extracted 'libjllama.so' to ..." on
     * System.out, where {@code robot parse} writes JSON lines: for that one moment System.out goes to the log.
     */
    private static void initNative() {
        synchronized (NATIVE_INIT) {
            if (nativeInitialized) {
                return;
            }
            PrintStream stdout = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Class.forName(LlamaModel.class.getName(), true, LocalModel.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("de.kherud:llama is not on the class path", e);
            } finally {
                System.setOut(stdout);
            }
            String said = captured.toString(StandardCharsets.UTF_8).strip();
            if (!said.isEmpty()) {
                LOG.info("llama.cpp native library: {}", said);
            }
            nativeInitialized = true;
        }
    }

    /** Who says a chat message. */
    public enum Role {
        USER("user"), ASSISTANT("assistant");

        private final String wire;

        Role(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** One message of a chat, for {@link #renderChat}. */
    public record ChatMessage(Role role, String content) {
        public ChatMessage {
            ensureNotNull(role, "role");
            ensureNotNull(content, "content");
        }
    }

    /** What to generate: at most {@code maxTokens}, at a temperature, optionally under a GBNF grammar. */
    public record GenerationOptions(int maxTokens, double temperature, Optional<String> grammar) {
        public GenerationOptions {
            ensureRange(maxTokens, 1, 131072, "maxTokens");
            ensureRange(temperature, 0.0, 2.0, "temperature");
            ensureNotNull(grammar, "grammar");
        }
    }

    /**
     * The outcome of one generation: its text, about how many tokens it took, time to the first token
     * (empty when none came), total time, and why it stopped. {@code FINISHED} can also hide a token limit
     * reached on characters that took several tokens; {@code tokens} reaching the budget then tells.
     */
    public record Generation(String text, int tokens, Optional<Duration> firstToken, Duration total, Stop stop, Optional<String> error) {
        /** Why generation stopped. */
        public enum Stop {
            /** The model ended its answer (end-of-generation token, or the grammar completed). */
            FINISHED,
            /** The token budget ran out. */
            TOKEN_LIMIT,
            /** The caller asked it to stop. */
            STOPPED,
            /** llama.cpp reported an error. */
            ERROR
        }
    }
}
