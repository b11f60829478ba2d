package dev.voicebot.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot models ...} through the real command line, against a loopback server and a custom catalogue entry. */
class ModelsCommandTest {
    @TempDir
    Path dir;

    @Test
    void pullVerifyPathAndRemoveThroughTheCli() throws Exception {
        byte[] model = TestModels.ggml(800_000, 7);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            CatalogueEntry entry = TestModels.entry("test-whisper", ModelKind.WHISPER, server.uri(), model, true);
            Path models = dir.resolve("models");
            Map<String, String> env = Map.of("ROBOT_MODELS_DIR", models.toString(),
                    "ROBOT_MODELS_CATALOGUE", TestModels.catalogueFile(dir, entry).toString());

            CliHarness list = CliHarness.run("", env, "models", "list");
            assertEquals(0, list.exitCode(), list.stderr());
            assertTrue(list.stdout().contains("test-whisper") && list.stdout().contains("whisper-base"), list.stdout());

            CliHarness pull = CliHarness.run("", env, "models", "pull", "test-whisper");
            assertEquals(0, pull.exitCode(), pull.stderr());
            Path file = models.resolve("test-whisper.bin");
            assertTrue(Files.isRegularFile(file));
            assertTrue(pull.stdout().contains("speech.model: " + file) && pull.stdout().contains("ROBOT_SPEECH_MODEL=" + file), pull.stdout());
            assertTrue(pull.stderr().contains("100%"), "progress bar on stderr: " + pull.stderr());

            CliHarness verify = CliHarness.run("", env, "models", "verify");
            assertEquals(0, verify.exitCode(), verify.stdout());
            assertTrue(verify.stdout().contains("test-whisper: OK"), verify.stdout());

            CliHarness path = CliHarness.run("", env, "models", "path", "test-whisper");
            assertEquals(0, path.exitCode());
            assertEquals(file.toString(), path.stdout().strip());

            byte[] damaged = model.clone();
            damaged[1000] ^= 0x7f;
            Files.write(file, damaged);
            CliHarness bad = CliHarness.run("", env, "models", "verify", "test-whisper");
            assertEquals(1, bad.exitCode(), bad.stdout());
            assertTrue(bad.stdout().contains("CHECKSUM MISMATCH"), bad.stdout());

            CliHarness remove = CliHarness.run("", env, "models", "remove", "test-whisper");
            assertEquals(0, remove.exitCode());
            assertFalse(Files.exists(file));
        }
    }

    @Test
    void aFailedDownloadExitsOneAndAnUnknownNameExitsTwo() throws Exception {
        byte[] model = TestModels.gguf(400_000, 8);
        byte[] corrupted = model.clone();
        corrupted[5] ^= 1;
        try (LoopbackModelServer server = new LoopbackModelServer(corrupted)) {
            CatalogueEntry entry = TestModels.entry("test-llm", ModelKind.LLM, server.uri(), model, true);
            Map<String, String> env = Map.of("ROBOT_MODELS_DIR", dir.resolve("m").toString(),
                    "ROBOT_MODELS_CATALOGUE", TestModels.catalogueFile(dir, entry).toString());
            CliHarness pull = CliHarness.run("", env, "models", "pull", "test-llm");
            assertEquals(1, pull.exitCode(), pull.stdout());
            assertTrue(pull.stderr().contains("CHECKSUM MISMATCH") && pull.stderr().contains("deleted"), pull.stderr());
            assertFalse(Files.exists(dir.resolve("m").resolve("test-llm.gguf.part")));

            CliHarness unknown = CliHarness.run("", env, "models", "pull", "no-such-model");
            assertEquals(2, unknown.exitCode());
            assertTrue(unknown.stderr().contains("no model named 'no-such-model'"), unknown.stderr());
        }
    }
}
