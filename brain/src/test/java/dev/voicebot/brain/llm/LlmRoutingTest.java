package dev.voicebot.brain.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.actuators.intent.Move;
import dev.voicebot.actuators.intent.Stop;
import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.RoutePath;
import dev.voicebot.brain.Router;
import dev.voicebot.brain.TurnContext;
import dev.voicebot.brain.fastpath.FastPathGrammar;
import dev.voicebot.brain.llm.gguf.ModelFileException;
import dev.voicebot.brain.llm.gguf.ModelFileException.Problem;
import dev.voicebot.brain.llm.testmodels.TinyLlamaModels;
import dev.voicebot.config.BrainConfig;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.MotionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the {@code brain:} configuration to the Router: a usable model answers, a broken one leaves the fast path working. */
class LlmRoutingTest {
    static final String MOVE = LlamaResponderTest.MOVE;
    private static final String CHAT = "What is your favourite colour?";

    @TempDir
    Path dir;
    private final MotionConfig motion = new ConfigLoader().defaults().motion();

    private static BrainConfig config(Path model) {
        return new BrainConfig(model, 2048, 1, 0, 42, 0.8, null, LlmSettings.DEFAULT_PERSONA, 256, Duration.ofSeconds(20),
                new BrainConfig.Memory(1024, Duration.ofMinutes(5)));
    }

    private Router router(LlmAvailability llm) {
        return new Router(new FastPathGrammar(motion), llm.responder());
    }

    @Test
    void aConfiguredModelAnswersWhatTheFastPathDoesNot() throws IOException {
        Path model = TinyLlamaModels.scripted(dir.resolve("move.gguf"), MOVE);
        LlmAvailability llm = LlamaResponder.load(config(model));
        LlamaResponder responder = assertInstanceOf(LlmAvailability.Loaded.class, llm).llm();
        try (responder) {
            Router router = router(llm);
            BrainResult stop = router.route("stop");
            assertEquals(RoutePath.FAST, stop.path());
            assertEquals(List.of(new Stop()), stop.intents());

            List<String> said = new CopyOnWriteArrayList<>();
            BrainResult chat = router.route(CHAT, "en", TurnContext.defaults().withSentenceListener(said::add));
            assertEquals(RoutePath.LLM, chat.path());
            assertEquals(List.of(new Move(1.0, 0.3)), chat.intents());
            assertEquals("OK, moving.", chat.reply());
            assertEquals(List.of("OK, moving."), said);
            assertTrue(chat.firstTokenTime().isPresent());
            assertTrue(llm.describe().contains(model.toString()), llm.describe());
        }
    }

    @Test
    void withoutAModelOnlyCommandsWork() {
        LlmAvailability llm = LlamaResponder.load(config(null));
        assertInstanceOf(LlmAvailability.NotConfigured.class, llm);
        BrainResult chat = router(llm).route(CHAT);
        assertEquals(RoutePath.NONE, chat.path());
        assertTrue(chat.reply().contains("only follow commands"), chat.reply());
    }

    @Test
    void aMissingTruncatedOrForeignFileLeavesTheFastPathWorking() throws IOException {
        byte[] good = TinyLlamaModels.scriptedWriter(MOVE).toBytes();
        Path truncated = Files.write(dir.resolve("half.gguf"), Arrays.copyOf(good, good.length / 2));
        Path foreign = Files.writeString(dir.resolve("notes.gguf"), "these are my notes, not a model");
        Path missing = dir.resolve("missing.gguf");
        for (var c : List.of(List.of(missing, Problem.MISSING), List.of(truncated, Problem.TRUNCATED), List.of(foreign, Problem.NOT_GGUF))) {
            Path file = (Path) c.get(0);
            LlmAvailability llm = LlamaResponder.load(config(file));
            LlmAvailability.Unavailable u = assertInstanceOf(LlmAvailability.Unavailable.class, llm);
            ModelFileException e = assertInstanceOf(ModelFileException.class, u.reason());
            assertEquals(c.get(1), e.problem());
            assertTrue(llm.describe().contains(file.toString()), llm.describe());
            Router router = router(llm);
            assertEquals(List.of(new Stop()), router.route("멈춰").intents());
            assertEquals(RoutePath.NONE, router.route(CHAT).path());
        }
    }

    @Test
    void aBadAdapterIsRefusedToo() throws IOException {
        Path model = TinyLlamaModels.scripted(dir.resolve("m.gguf"), MOVE);
        BrainConfig c = config(model);
        BrainConfig withModelAsLora = new BrainConfig(c.model(), c.contextSize(), c.threads(), c.gpuLayers(), c.seed(), c.temperature(),
                model, c.persona(), c.maxReplyTokens(), c.deadline(), c.memory());
        LlmAvailability llm = LlamaResponder.load(withModelAsLora);
        ModelFileException e = assertInstanceOf(ModelFileException.class, assertInstanceOf(LlmAvailability.Unavailable.class, llm).reason());
        assertEquals(Problem.INCOMPATIBLE, e.problem());
        assertTrue(e.getMessage().contains("not an adapter"), e.getMessage());
    }
}
