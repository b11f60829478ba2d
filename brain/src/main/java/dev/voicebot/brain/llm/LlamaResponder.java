package dev.voicebot.brain.llm;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voicebot.actuators.intent.Intent;
import dev.voicebot.actuators.vocabulary.CommandVocabulary;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.CancelSignal;
import dev.voicebot.brain.Responder;
import dev.voicebot.brain.TurnContext;
import dev.voicebot.brain.llm.LlmAnswer.StopReason;
import dev.voicebot.brain.llm.LocalModel.ChatMessage;
import dev.voicebot.brain.llm.LocalModel.Generation;
import dev.voicebot.brain.llm.LocalModel.GenerationOptions;
import dev.voicebot.brain.llm.LocalModel.Role;
import dev.voicebot.brain.llm.memory.ConversationMemory;
import dev.voicebot.brain.llm.memory.Conversations;
import dev.voicebot.brain.llm.memory.Turn;
import dev.voicebot.brain.llm.output.ParsedReply;
import dev.voicebot.brain.llm.output.Rejection;
import dev.voicebot.brain.llm.output.ReplyParser;
import dev.voicebot.brain.llm.output.ReplySchema;
import dev.voicebot.brain.llm.output.ReplyStream;
import dev.voicebot.brain.llm.output.SentenceSplitter;
import dev.voicebot.brain.llm.prompt.Replies;
import dev.voicebot.brain.llm.prompt.SystemPrompt;
import dev.voicebot.config.BrainConfig;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LLM behind the fast path: answers an utterance with a local GGUF model through llama.cpp, in the
 * language it was spoken in, shaped by the persona and the caller's style fragment, with the session's
 * conversation so far. The model must answer {@code {"reply": ..., "intents": [...]}} (a JSON-schema
 * grammar generated from the command vocabulary constrains it), and the answer is validated again:
 * whatever is invalid is dropped with a {@link Rejection}, never executed.
 *
 * <p>Reply sentences reach {@link TurnContext#onSentence()} while the model is still generating (on the
 * generation thread), so speech can start early; every sentence of the final reply, including a fallback
 * apology when the model gave nothing usable, arrives there exactly once and in order. A cancelled
 * {@link TurnContext#cancel()} (barge-in) or the deadline returns at once; generation stops at its next
 * token and no further sentence is delivered. Turns run one at a time on one generation thread.
 */
public final class LlamaResponder implements Responder {
    private static final Logger LOG = LoggerFactory.getLogger(LlamaResponder.class);
    /** Tokens kept free beyond the reply budget: the BOS token the server adds, and rounding. */
    private static final int CONTEXT_MARGIN = 4;

    private final LocalModel model;
    private final LlmSettings settings;
    private final Conversations conversations;
    private final SystemPrompt systemPrompt;
    private final ReplyParser parser;
    private final Optional<String> grammar;
    private final ExecutorService worker;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Takes ownership of {@code model}: closing this responder closes it. */
    public LlamaResponder(LocalModel model, LlmSettings settings, InstantSource clock) {
        this.model = ensureNotNull(model, "model");
        this.settings = ensureNotNull(settings, "settings");
        this.conversations = new Conversations(settings.memoryTokens(), settings.memoryIdleReset(), ensureNotNull(clock, "clock"));
        this.systemPrompt = new SystemPrompt(settings.persona(), settings.vocabulary(), settings.maxIntents());
        this.parser = new ReplyParser(settings.vocabulary(), settings.maxIntents());
        this.grammar = settings.constrained() ? grammarFor(settings) : Optional.empty();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "llm-generation");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the model named by {@code settings} (files checked in Java first) and returns a responder for it.
     *
     * @throws LlmUnavailableException the model or adapter file is refused, or llama.cpp cannot load it
     */
    public static LlamaResponder open(LlmSettings settings) {
        LocalModel model = LocalModel.load(settings.model());
        try {
            return new LlamaResponder(model, settings, InstantSource.system());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The LLM of the {@code brain:} configuration, or why there is none. Never throws for a bad model
     * file: the runtime then keeps working with the fast path alone.
     */
    public static LlmAvailability load(BrainConfig config) {
        if (config.model() == null) {
            return new LlmAvailability.NotConfigured();
        }
        try {
            return new LlmAvailability.Loaded(open(LlmSettings.from(config)));
        } catch (LlmUnavailableException e) {
            LOG.warn("the LLM is unavailable; continuing with fast-path commands only", e);
            return new LlmAvailability.Unavailable(config.model(), e);
        }
    }

    public LocalModel model() {
        return model;
    }

    public LlmSettings settings() {
        return settings;
    }

    @Override
    public Optional<BrainResult> respond(String text, String language) {
        return respond(text, language, TurnContext.defaults());
    }

    @Override
    public Optional<BrainResult> respond(String text, String language, TurnContext context) {
        return Optional.of(answer(text, language, context).toBrainResult());
    }

    /** Forgets the conversation of a session. */
    public void forget(String sessionId) {
        conversations.forget(sessionId);
    }

    /** Answers one utterance; see the class comment for streaming, cancellation and validation. */
    public LlmAnswer answer(String text, String language, TurnContext context) {
        ensureNotNull(text, "text");
        ensureNotNull(language, "language");
        ensureNotNull(context, "context");
        if (closed.get()) {
            throw new IllegalStateException("this LLM responder is closed");
        }
        long start = System.nanoTime();
        String utterance = text.strip();
        ConversationMemory memory = conversations.session(context.sessionId());
        String style = context.style().isBlank() ? settings.style() : context.style();
        String system = systemPrompt.build(language, style);
        Optional<Prompt> fitted = fit(system, memory.turns(), utterance);
        if (fitted.isEmpty()) {
            String reply = Replies.tooLong(language);
            deliver(reply, context.onSentence());
            return new LlmAnswer(utterance, language, reply, List.of(), List.of(), StopReason.PROMPT_TOO_LONG, null,
                    since(start), 0, 0, 0, "", "");
        }
        Prompt prompt = fitted.get();
        memory.keepNewest(prompt.turns());
        if (context.cancel().isCancelled()) {
            return new LlmAnswer(utterance, language, "", List.of(), List.of(), StopReason.CANCELLED, null, since(start),
                    prompt.tokens(), 0, prompt.turns(), prompt.text(), "");
        }

        Job job = new Job(start, context.onSentence());
        GenerationOptions options = new GenerationOptions(settings.maxReplyTokens(), settings.model().temperature(), grammar);
        CompletableFuture<Generation> done = CompletableFuture.supplyAsync(
                () -> model.generate(prompt.text(), options, job::onText, job::stopRequested), worker);
        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        Generation generation = null;
        StopReason stop;
        Duration deadline = context.deadline().orElse(settings.deadline());
        // Stop the job inside cancel() itself: once cancel() returns, no further sentence starts being delivered.
        CancelSignal.Registration registration = context.cancel().onCancel(() -> {
            job.stop();
            cancelled.complete(null);
        });
        try {
            long remaining = deadline.toNanos() - (System.nanoTime() - start);
            CompletableFuture.anyOf(done, cancelled).get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            if (context.cancel().isCancelled()) {
                // A barge-in wins even over an answer that has just completed: its intents will not run.
                stop = StopReason.CANCELLED;
                generation = done.isDone() && !done.isCompletedExceptionally() ? done.join() : null;
            } else {
                generation = done.get();
                stop = stopOf(generation);
            }
        } catch (TimeoutException e) {
            stop = StopReason.DEADLINE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = StopReason.CANCELLED;
        } catch (ExecutionException e) {
            LOG.warn("LLM generation failed", e.getCause());
            stop = StopReason.ERROR;
        } finally {
            registration.close();
        }
        if (generation == null) {
            job.stop();
        }
        return finish(utterance, language, context, memory, prompt, job, generation, stop, start);
    }

    private LlmAnswer finish(String utterance, String language, TurnContext context, ConversationMemory memory, Prompt prompt,
                             Job job, Generation generation, StopReason stop, long start) {
        String output = generation != null ? generation.text() : job.text();
        int generated = generation != null ? generation.tokens() : (output.isEmpty() ? 0 : model.countTokens(output));
        Optional<String> cutOff = stop == StopReason.FINISHED ? Optional.empty() : Optional.of(stop.description());
        ParsedReply parsed = parser.parse(output, cutOff);
        if (stop == StopReason.FINISHED && parsed.rejections().stream().anyMatch(r -> r instanceof Rejection.MalformedJson)
                && (grammar.isPresent() || generated >= settings.maxReplyTokens())) {
            // llama.cpp does not say why it stopped. Under the grammar the model can only end a complete
            // document, and an unconstrained one that used its whole budget was cut off as well.
            stop = StopReason.TOKEN_LIMIT;
            parsed = parser.parse(output, Optional.of(stop.description()));
        }
        if (stop == StopReason.TOKEN_LIMIT && parsed.rejections().stream().noneMatch(r -> r instanceof Rejection.Incomplete)) {
            stop = StopReason.FINISHED; // the document was complete when the budget ran out
        }
        List<Intent> intents = parsed.intents();
        List<Rejection> rejections = new ArrayList<>(parsed.rejections());
        if (stop == StopReason.CANCELLED && !intents.isEmpty()) {
            intents.forEach(i -> rejections.add(new Rejection.Cancelled(i)));
            intents = List.of();
        }
        String reply;
        if (stop == StopReason.CANCELLED) {
            reply = String.join(" ", job.delivered()); // what was said before the user spoke again
        } else if (!parsed.reply().isEmpty()) {
            reply = parsed.reply();
        } else if (job.replyComplete()) {
            reply = job.replySoFar().strip();
        } else {
            reply = String.join(" ", job.delivered());
        }
        boolean failed = !rejections.isEmpty() || stop == StopReason.ERROR || stop == StopReason.TOKEN_LIMIT || stop == StopReason.DEADLINE;
        boolean fallback = reply.isBlank() && intents.isEmpty() && failed && stop != StopReason.CANCELLED;
        if (fallback) {
            reply = Replies.noAnswer(language);
            deliver(reply, context.onSentence());
        } else if (!reply.isBlank() || !intents.isEmpty()) {
            String document = document(reply, intents);
            memory.add(new Turn(utterance, document, model.countTokens(utterance) + model.countTokens(document) + 8));
        }
        LlmAnswer answer = new LlmAnswer(utterance, language, reply, intents, rejections, stop, job.firstToken(), since(start),
                prompt.tokens(), generated, prompt.turns(), prompt.text(), output);
        if (!rejections.isEmpty() || stop != StopReason.FINISHED) {
            LOG.info("LLM turn '{}': {}; raw output: {}", utterance, answer.notes(), printable(output));
        }
        return answer;
    }

    private static StopReason stopOf(Generation g) {
        return switch (g.stop()) {
            case FINISHED -> StopReason.FINISHED;
            case TOKEN_LIMIT -> StopReason.TOKEN_LIMIT;
            case STOPPED -> StopReason.CANCELLED;
            case ERROR -> StopReason.ERROR;
        };
    }

    /**
     * The prompt with as many of the newest past turns as fit: prompt tokens plus the reply budget must
     * stay within the context. Empty when the system prompt and the utterance alone do not fit.
     */
    private Optional<Prompt> fit(String system, List<Turn> turns, String utterance) {
        int budget = settings.model().contextSize() - settings.maxReplyTokens() - CONTEXT_MARGIN;
        int skip = 0;
        while (skip <= turns.size()) {
            List<Turn> kept = turns.subList(skip, turns.size());
            String text = model.renderChat(system, messages(kept, utterance));
            int tokens = model.countTokens(text) + 1;
            if (tokens <= budget) {
                return Optional.of(new Prompt(text, tokens, kept.size()));
            }
            // Drop the oldest turns whose recorded size covers the excess, at least one, then check again.
            int excess = tokens - budget;
            int dropped = 0;
            do {
                if (skip < turns.size()) {
                    dropped += turns.get(skip).tokens();
                }
                skip++;
            } while (dropped < excess && skip < turns.size());
        }
        return Optional.empty();
    }

    private static List<ChatMessage> messages(List<Turn> turns, String utterance) {
        List<ChatMessage> messages = new ArrayList<>();
        for (Turn t : turns) {
            messages.add(new ChatMessage(Role.USER, t.user()));
            messages.add(new ChatMessage(Role.ASSISTANT, t.assistant()));
        }
        messages.add(new ChatMessage(Role.USER, utterance));
        return messages;
    }

    /** The assistant's side of a turn as the model should have written it: the reply said and the intents kept. */
    private static String document(String reply, List<Intent> intents) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("reply", reply);
        ArrayNode list = doc.putArray("intents");
        intents.forEach(i -> list.add(CommandVocabulary.toJson(i)));
        return doc.toString();
    }

    /** Hands a fixed reply to the sentence listener, sentence by sentence, on the calling thread. */
    private static void deliver(String reply, Consumer<String> onSentence) {
        SentenceSplitter splitter = new SentenceSplitter(s -> safely(onSentence, s));
        splitter.append(reply);
        splitter.flush();
    }

    private static void safely(Consumer<String> listener, String sentence) {
        try {
            listener.accept(sentence);
        } catch (RuntimeException e) {
            LOG.warn("the sentence listener failed on '{}'", sentence, e);
        }
    }

    private static Optional<String> grammarFor(LlmSettings settings) {
        String schema = new ReplySchema(settings.vocabulary(), settings.maxIntents()).json();
        String gbnf = LocalModel.grammarFor(schema);
        // llama.cpp ignores a grammar it cannot parse, silently; an empty or rootless one means no constraint.
        if (gbnf == null || !gbnf.contains("root ::=")) {
            LOG.error("the reply schema did not convert to a grammar; answers are validated but not constrained. Schema: {}", schema);
            return Optional.empty();
        }
        return Optional.of(gbnf);
    }

    /** Stops the generation thread (a running generation stops at its next token), then closes the model once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the LLM generation thread did not stop within 10 s; closing the model anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        model.close();
    }

    /** At most 300 characters, control characters escaped: raw output of a broken model can be anything. */
    private static String printable(String output) {
        StringBuilder sb = new StringBuilder();
        output.codePoints().limit(300).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return output.codePointCount(0, output.length()) > 300 ? sb + "..." : sb.toString();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** A rendered prompt, its size in tokens and how many past turns it carries. */
    private record Prompt(String text, int tokens, int turns) {
    }

    /**
     * One generation's shared state between the generation thread (which feeds text) and the caller
     * (which may stop it): once stopped, no more text is taken and no sentence is delivered.
     */
    private static final class Job {
        private final long start;
        private final Consumer<String> listener;
        private final ReplyStream stream;
        private final StringBuilder text = new StringBuilder();
        private final List<String> delivered = new ArrayList<>();
        private Duration firstToken;
        /** Not under the lock: a stop must not wait for a sentence listener that is still speaking. */
        private final AtomicBoolean stopped = new AtomicBoolean();

        Job(long start, Consumer<String> listener) {
            this.start = start;
            this.listener = listener;
            this.stream = new ReplyStream(this::sentence);
        }

        synchronized void onText(String piece) {
            if (stopped.get()) {
                return;
            }
            if (firstToken == null) {
                firstToken = Duration.ofNanos(System.nanoTime() - start);
            }
            text.append(piece);
            stream.accept(piece);
        }

        /** Called by the stream inside {@link #onText}, so under this object's lock. */
        private void sentence(String s) {
            if (!stopped.get()) {
                delivered.add(s);
                safely(listener, s);
            }
        }

        boolean stopRequested() {
            return stopped.get() || Thread.currentThread().isInterrupted();
        }

        void stop() {
            stopped.set(true);
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized Duration firstToken() {
            return firstToken;
        }

        synchronized boolean replyComplete() {
            return stream.replyComplete();
        }

        synchronized String replySoFar() {
            return stream.replySoFar();
        }

        synchronized List<String> delivered() {
            return List.copyOf(delivered);
        }
    }
}
