package dev.voicebot.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.brain.BrainResult;
import dev.voicebot.brain.RoutePath;
import dev.voicebot.brain.llm.testmodels.TinyLlamaModels;
import dev.voicebot.config.ConfigLoader;
import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.events.RuntimeEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An utterance the grammar does not cover goes through real llama.cpp to an intent on the bus and a move. */
class LlmEndToEndTest {
    @TempDir
    Path dir;

    private RobotConfig withModel(Path model) {
        return new ConfigLoader().load(Optional.empty(), Map.of("ROBOT_BRAIN_MODEL", model.toString()));
    }

    @Test
    void scriptedModelAnswerMovesTheSimulatedRobot() throws Exception {
        Path model = TinyLlamaModels.scripted(dir.resolve("scripted.gguf"),
                "{\"reply\":\"OK, moving.\",\"intents\":[{\"type\":\"move\",\"distanceM\":1.0,\"speedMps\":0.3}]}");
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(withModel(model), seen::add)) {
            BrainResult result = runtime.handleText("could you come a little closer to me", "en", "test");
            assertEquals(RoutePath.LLM, result.path(), result.toString());
            assertEquals("OK, moving.", result.reply());
            assertTrue(runtime.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(1.0, runtime.lastState().orElseThrow().x(), 0.05);
            assertTrue(seen.stream().anyMatch(e -> e instanceof RuntimeEvent.CommandPublished), seen.toString());
            assertTrue(seen.stream().anyMatch(e -> e instanceof RuntimeEvent.Intents i && i.path().equals("llm")), seen.toString());
        }
    }

    @Test
    void brokenModelFileIsReportedAndTheFastPathStillWorks() throws Exception {
        Path broken = Files.write(dir.resolve("broken.gguf"), new byte[] {'G', 'G', 'U', 'F', 3, 0, 0});
        List<RuntimeEvent> seen = new CopyOnWriteArrayList<>();
        try (RobotRuntime runtime = RobotRuntime.start(withModel(broken), seen::add)) {
            assertTrue(seen.stream().anyMatch(e -> e instanceof RuntimeEvent.Error err && err.source().equals("brain")
                    && err.message().contains(broken.toString())), seen.toString());
            BrainResult result = runtime.handleText("move forward one meter", "en", "test");
            assertEquals(RoutePath.FAST, result.path());
            BrainResult chat = runtime.handleText("tell me a story", "en", "test");
            assertEquals(RoutePath.NONE, chat.path());
            assertTrue(chat.reply().startsWith("Sorry"), chat.reply());
        }
    }
}
