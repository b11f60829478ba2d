package dev.voicebot.brain.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Gesture;
import dev.voicebot.actuators.intent.Move;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.CancelSignal;
import dev.voicebot.brain.RoutePath;
import dev.voicebot.brain.TurnContext;
import dev.voicebot.brain.llm.LlmAnswer.StopReason;
import dev.voicebot.brain.llm.output.Rejection;
import dev.voicebot.brain.llm.testmodels.TinyLlamaModels;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LlamaResponder on real llama.cpp, with tiny GGUF models the tests write themselves. */
class LlamaResponderTest {
    static final String MOVE = "{\"reply\":\"OK, moving.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3}]}";
    static final String THREE_SENTENCES = "{\"reply\":\"Hello there. I am Robi! How can I help?\",\"intents\":[{\"type\":\"gesture\",\"name\":\"wave\"}]}";
    static final String KOREAN = "{\"reply\":\"네, 앞으로 갈게요. 조심할게요!\",\"intents\":[{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3}]}";

    @TempDir
    static Path dir;
    static Path moveModel;
    static Path threeSentenceModel;
    static Path koreanModel;
    static Path randomModel;

    @BeforeAll
    static void writeModels() throws IOException {
        moveModel = TinyLlamaModels.scripted(dir.resolve("move.gguf"), MOVE);
        threeSentenceModel = TinyLlamaModels.scripted(dir.resolve("three.gguf"), THREE_SENTENCES);
        koreanModel = TinyLlamaModels.scripted(dir.resolve("korean.gguf"), KOREAN);
        randomModel = TinyLlamaModels.random(dir.resolve("random.gguf"), 11);
    }

    /** The shipped defaults (2048 tokens of context), but one thread (two cores are shared) and temperature 0.8 (scripts hold at any). */
    static ModelSettings modelSettings(Path model) {
        return ModelSettings.of(model).withThreads(1).withTemperature(0.8);
    }

    static LlmSettings settings(Path model) {
        return LlmSettings.defaults(model).withModel(modelSettings(model));
    }

    static LlamaResponder open(LlmSettings settings) {
        return LlamaResponder.open(settings);
    }

    @Test
    void aScriptedModelsJsonBecomesAValidatedMoveIntent() {
        try (LlamaResponder llm = open(settings(moveModel))) {
            LlmAnswer a = llm.answer("Could you come a bit closer?", "en", TurnContext.defaults());
            assertEquals(StopReason.FINISHED, a.stop(), a.notes().toString());
            assertEquals(MOVE, a.output());
            assertEquals("OK, moving.", a.reply());
            assertEquals(List.of(new Move(1.0, 0.3)), a.intents());
            assertEquals(List.of(), a.rejections());
            assertTrue(a.firstTokenTime().isPresent());
            assertTrue(a.firstToken().compareTo(a.total()) <= 0);
            assertTrue(a.promptTokens() > 0 && a.generatedTokens() > 0);
            assertTrue(a.prompt().endsWith("Could you come a bit closer?<|im_end|>\n<|im_start|>assistant\n"),
                    "rendered with the model's ChatML template: " + a.prompt());

            BrainResult r = a.toBrainResult();
            assertEquals(RoutePath.LLM, r.path());
            assertEquals(List.of(new Move(1.0, 0.3)), r.intents());
            assertEquals("OK, moving.", r.reply());
            assertEquals(a.total(), r.elapsed());
            assertEquals(a.firstTokenTime(), r.firstTokenTime());
            assertEquals(List.of(), r.notes());
        }
    }

    @Test
    void sentencesStreamFromTheGenerationThreadInOrder() {
        List<String> sentences = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (LlamaResponder llm = open(settings(threeSentenceModel))) {
            LlmAnswer a = llm.answer("Hi!", "en", TurnContext.defaults().withSentenceListener(s -> {
                sentences.add(s);
                threads.add(Thread.currentThread().getName());
            }));
            assertEquals(List.of("Hello there.", "I am Robi!", "How can I help?"), sentences);
            assertEquals(List.of("llm-generation", "llm-generation", "llm-generation"), threads);
            assertEquals("Hello there. I am Robi! How can I help?", a.reply());
            assertEquals(List.of(new Gesture(Gesture.Name.WAVE)), a.intents());
        }
    }

    @Test
    void bargeInDuringTheFirstSentenceStopsEverythingAfterIt() {
        List<String> sentences = new CopyOnWriteArrayList<>();
        CancelSignal bargeIn = new CancelSignal();
        try (LlamaResponder llm = open(settings(threeSentenceModel))) {
            LlmAnswer a = llm.answer("Hi!", "en", TurnContext.defaults().withCancel(bargeIn).withSentenceListener(s -> {
                sentences.add(s);
                bargeIn.cancel(); // the user starts talking while the first sentence is spoken
            }));
            assertEquals(StopReason.CANCELLED, a.stop());
            assertEquals(List.of("Hello there."), sentences, "the first sentence came before the model finished; none after the cancel");
            assertEquals(List.of(), a.intents(), "a cut-off answer moves nothing");
            assertEquals(List.of(new Rejection.Incomplete(StopReason.CANCELLED.description())), a.rejections());
            assertEquals("Hello there.", a.reply(), "the reply is what was said");
            assertTrue(a.generatedTokens() < TinyLlamaModels.pieces(THREE_SENTENCES).size());

            // The responder is immediately usable again.
            LlmAnswer next = llm.answer("Hi again!", "en", TurnContext.defaults());
            assertEquals(StopReason.FINISHED, next.stop());
            assertEquals(List.of(new Gesture(Gesture.Name.WAVE)), next.intents());
        }
    }

    @Test
    void bargeInFromAnotherThreadReturnsAtOnceAndNoSentenceStartsAfterIt() throws Exception {
        List<String> sentences = new CopyOnWriteArrayList<>();
        CancelSignal bargeIn = new CancelSignal();
        CountDownLatch firstSentence = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean afterCancel = new AtomicBoolean();
        Thread listener = new Thread(() -> {
            try {
                firstSentence.await(30, TimeUnit.SECONDS);
                bargeIn.cancel();
                afterCancel.set(true);
                cancelled.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "microphone");
        listener.start();
        try (LlamaResponder llm = open(settings(threeSentenceModel))) {
            LlmAnswer a = llm.answer("Hi!", "en", TurnContext.defaults().withCancel(bargeIn).withSentenceListener(s -> {
                assertFalse(afterCancel.get(), "a sentence started after cancel() returned: " + s);
                sentences.add(s);
                firstSentence.countDown();
                try {
                    // Still speaking the sentence when the user interrupts.
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            listener.join();
            assertEquals(StopReason.CANCELLED, a.stop());
            assertEquals(List.of("Hello there."), sentences);
            assertEquals(List.of(), a.intents());
        }
    }

    @Test
    void anAlreadyCancelledTurnGeneratesNothing() {
        CancelSignal signal = new CancelSignal();
        signal.cancel();
        try (LlamaResponder llm = open(settings(moveModel))) {
            LlmAnswer a = llm.answer("Come here", "en", TurnContext.defaults().withCancel(signal));
            assertEquals(StopReason.CANCELLED, a.stop());
            assertEquals(0, a.generatedTokens());
            assertEquals(List.of(), a.intents());
        }
    }

    @Test
    void aPassedDeadlineReturnsAnApologyAndTheResponderRecovers() {
        List<String> sentences = new CopyOnWriteArrayList<>();
        try (LlamaResponder llm = open(settings(randomModel).unconstrained().withMaxReplyTokens(512))) {
            LlmAnswer a = llm.answer("Tell me a long story.", "en",
                    TurnContext.defaults().withDeadline(Duration.ZERO).withSentenceListener(sentences::add));
            assertEquals(StopReason.DEADLINE, a.stop());
            assertEquals(List.of(), a.intents());
            assertEquals(List.of("Sorry, I could not come up with an answer just now.", "Could you say that again?"), sentences);
            assertTrue(a.toBrainResult().notes().contains("stopped: deadline passed"), a.notes().toString());
        }
        try (LlamaResponder llm = open(settings(moveModel))) {
            assertEquals(StopReason.DEADLINE, llm.answer("Come here", "en", TurnContext.defaults().withDeadline(Duration.ZERO)).stop());
            LlmAnswer next = llm.answer("Come here", "en", TurnContext.defaults());
            assertEquals(StopReason.FINISHED, next.stop());
            assertEquals(List.of(new Move(1.0, 0.3)), next.intents());
        }
    }

    @Test
    void koreanInKoreanOut() {
        List<String> sentences = new CopyOnWriteArrayList<>();
        try (LlamaResponder llm = open(settings(koreanModel).withStyle("Speak politely (존댓말)."))) {
            LlmAnswer a = llm.answer("앞으로 조금 와 줄래?", "ko", TurnContext.defaults().withSentenceListener(sentences::add));
            assertEquals(List.of("네, 앞으로 갈게요.", "조심할게요!"), sentences);
            assertEquals(List.of(new Move(1.0, 0.3)), a.intents());
            assertTrue(a.prompt().contains("The user speaks Korean. Write your reply in Korean only"), a.prompt());
            assertTrue(a.prompt().contains("Speak politely (존댓말)."), "the style fragment is in the system prompt");
            assertTrue(a.prompt().contains("앞으로 조금 와 줄래?"));
        }
    }

    @Test
    void emojiReachTheModelIntact() {
        try (LlamaResponder llm = open(settings(moveModel).withPersona("You are Robi 🤖, a robot."))) {
            LlmAnswer a = llm.answer("I love you 😍 and 🌸!", "en", TurnContext.defaults());
            assertTrue(a.prompt().contains("You are Robi 🤖, a robot."), a.prompt());
            assertTrue(a.prompt().contains("I love you 😍 and 🌸!<|im_end|>"), a.prompt());
            assertEquals(List.of(new Move(1.0, 0.3)), a.intents());
        }
    }

    @Test
    void invalidOutputIsDroppedWithATypedReasonAndNeverExecuted() throws IOException {
        Path fly = TinyLlamaModels.scripted(dir.resolve("fly.gguf"), "{\"reply\":\"Up we go!\",\"intents\":[{\"type\":\"fly\",\"heightM\":3}]}");
        try (LlamaResponder llm = open(settings(fly).unconstrained())) {
            LlmAnswer a = llm.answer("Fly!", "en", TurnContext.defaults());
            assertEquals(List.of(), a.intents());
            assertEquals("fly", assertInstanceOf(Rejection.UnknownIntentType.class, a.rejections().get(0)).type());
            assertEquals("Up we go!", a.reply(), "the reply itself is harmless and kept");
        }
        Path backwards = TinyLlamaModels.scripted(dir.resolve("neg.gguf"),
                "{\"reply\":\"Going.\",\"intents\":[{\"type\":\"turn\",\"angleDeg\":90,\"rateDegPerS\":45},{\"type\":\"move\",\"distanceM\":1,\"speedMps\":-2}]}");
        try (LlamaResponder llm = open(settings(backwards).unconstrained())) {
            LlmAnswer a = llm.answer("Go", "en", TurnContext.defaults());
            assertEquals(List.of(), a.intents(), "one invalid command abandons the whole plan");
            assertEquals("speedMps", assertInstanceOf(Rejection.InvalidIntent.class, a.rejections().get(0)).field());
            assertInstanceOf(Rejection.PlanAbandoned.class, a.rejections().get(1));
        }
        Path prose = TinyLlamaModels.scripted(dir.resolve("prose.gguf"), "Sure, I will move forward now.");
        List<String> sentences = new CopyOnWriteArrayList<>();
        try (LlamaResponder llm = open(settings(prose).unconstrained())) {
            LlmAnswer a = llm.answer("Go", "en", TurnContext.defaults().withSentenceListener(sentences::add));
            assertInstanceOf(Rejection.MalformedJson.class, a.rejections().get(0));
            assertEquals(List.of(), a.intents());
            assertEquals(List.of("Sorry, I could not come up with an answer just now.", "Could you say that again?"), sentences,
                    "prose is not spoken; an apology is");
        }
    }

    @Test
    void theGrammarKeepsTheModelFromWritingAnUnknownCommand() throws IOException {
        String script = "{\"reply\":\"Up we go!\",\"intents\":[{\"type\":\"fly\",\"heightM\":3}]}";
        Path fly = TinyLlamaModels.scripted(dir.resolve("fly-constrained.gguf"), script);
        try (LlamaResponder llm = open(settings(fly).withMaxReplyTokens(64))) {
            LlmAnswer a = llm.answer("Fly!", "en", TurnContext.defaults());
            assertNotEquals(script, a.output(), "without the grammar the model writes its script");
            assertFalse(a.output().contains("fly"), a.output());
            assertTrue(a.output().startsWith("{\"reply\":\"Up we go!\",\"intents\":[{\"type\""), a.output());
            // Constrained, the answer is either a valid document (whatever command the grammar steered it to) or cut off.
            assertTrue(a.rejections().stream().allMatch(r -> r instanceof Rejection.Incomplete), a.rejections().toString());
        }
    }

    @Test
    void randomWeightsUnderTheGrammarNeverBreakTheResponder() {
        try (LlamaResponder llm = open(settings(randomModel).withMaxReplyTokens(96))) {
            for (int i = 0; i < 4; i++) {
                List<String> sentences = new CopyOnWriteArrayList<>();
                LlmAnswer a = llm.answer("Say something " + i, "en", TurnContext.defaults().withSentenceListener(sentences::add));
                assertTrue(a.stop() == StopReason.FINISHED || a.stop() == StopReason.TOKEN_LIMIT, a.stop().toString());
                if (a.stop() == StopReason.FINISHED) {
                    assertTrue(a.rejections().isEmpty(), "a finished constrained answer parses: " + a.output() + " " + a.rejections());
                } else {
                    assertEquals(List.of(), a.intents());
                    assertInstanceOf(Rejection.Incomplete.class, a.rejections().get(0));
                }
                if (a.stop() == StopReason.TOKEN_LIMIT) {
                    assertFalse(sentences.isEmpty(), "a cut-off answer still says something: its reply or an apology");
                }
            }
        }
    }

    @Test
    void theConversationIsRememberedTrimmedToTheContextAndForgottenWhenIdle() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
        InstantSource clock = now::get;
        // 2048 tokens: the system prompt (~550 here), the reply budget (256) and two or three of these turns.
        LlmSettings s = settings(moveModel).withMemory(100_000, Duration.ofMinutes(5));
        try (LlamaResponder llm = new LlamaResponder(LocalModel.load(s.model()), s, clock)) {
            String filler = "please listen to this rather long sentence about nothing in particular. ".repeat(12);
            int context = s.model().contextSize();
            int[] history = new int[6];
            for (int i = 0; i < history.length; i++) {
                LlmAnswer a = llm.answer("turn " + i + ": " + filler, "en", TurnContext.defaults());
                assertEquals(StopReason.FINISHED, a.stop());
                assertTrue(a.promptTokens() + s.maxReplyTokens() <= context,
                        "prompt " + a.promptTokens() + " + reply budget " + s.maxReplyTokens() + " must fit " + context);
                history[i] = a.historyTurns();
                if (i > 0) {
                    assertTrue(a.prompt().contains("turn " + (i - 1) + ": "), "the previous turn is in the prompt");
                    assertTrue(a.prompt().contains(MOVE), "the assistant's answers are in the prompt");
                }
            }
            assertEquals(0, history[0]);
            assertEquals(1, history[1]);
            int max = java.util.Arrays.stream(history).max().orElseThrow();
            assertTrue(max < history.length - 1, "older turns were trimmed to fit the context: " + java.util.Arrays.toString(history));
            assertEquals(max, history[history.length - 1], "trimming keeps as many turns as fit");

            assertEquals(0, llm.answer("hello", "en", TurnContext.defaults().withSession("other")).historyTurns(), "sessions are separate");
            now.set(now.get().plus(Duration.ofMinutes(6)));
            assertEquals(0, llm.answer("hello again", "en", TurnContext.defaults()).historyTurns(), "forgotten after the idle timeout");
        }
    }

    @Test
    void anUtteranceTooLongForTheContextIsRefusedWithoutGenerating() {
        List<String> sentences = new CopyOnWriteArrayList<>();
        try (LlamaResponder llm = open(settings(moveModel))) {
            LlmAnswer a = llm.answer("blah ".repeat(1000), "en", TurnContext.defaults().withSentenceListener(sentences::add));
            assertEquals(StopReason.PROMPT_TOO_LONG, a.stop());
            assertEquals(0, a.generatedTokens());
            assertEquals(List.of(), a.intents());
            assertEquals("Sorry, that is too long for me to take in at once.", sentences.get(0));
            assertEquals(StopReason.FINISHED, llm.answer("Come here", "en", TurnContext.defaults()).stop());
        }
    }

    @Test
    void aLoraAdapterChangesWhatTheModelSays() throws IOException {
        String a = "{\"reply\":\"Base model.\",\"intents\":[]}";
        String b = "{\"reply\":\"Adapted!\",\"intents\":[{\"type\":\"stop\"}]}";
        Path model = dir.resolve("two-scripts.gguf");
        TinyLlamaModels.scriptedWriter(List.of(a, b)).write(model);
        Path adapter = dir.resolve("switch-lora.gguf");
        TinyLlamaModels.switchingAdapter(List.of(a, b), 1).write(adapter);
        try (LlamaResponder llm = open(settings(model))) {
            assertEquals(a, llm.answer("hi", "en", TurnContext.defaults()).output());
        }
        LlmSettings withLora = settings(model).withModel(modelSettings(model).withLora(adapter));
        try (LlamaResponder llm = open(withLora)) {
            LlmAnswer adapted = llm.answer("hi", "en", TurnContext.defaults());
            assertEquals(b, adapted.output());
            assertEquals("Adapted!", adapted.reply());
        }
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedResponderRefusesWork() {
        LlamaResponder llm = open(settings(moveModel));
        llm.close();
        llm.close();
        assertTrue(llm.model().isClosed());
        assertThrows(IllegalStateException.class, () -> llm.answer("hi", "en", TurnContext.defaults()));
        assertThrows(IllegalStateException.class, () -> llm.model().countTokens("hi"));
    }
}
