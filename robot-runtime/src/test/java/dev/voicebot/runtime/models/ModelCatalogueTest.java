package dev.voicebot.runtime.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.ModelsConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogueTest {
    @TempDir
    Path dir;

    @Test
    void theBuiltInCatalogueHasWhisperSizesAndJetsonSizedLlmsWithSourcesAndLicences() {
        List<CatalogueEntry> entries = ModelCatalogue.builtIn().entries();
        assertTrue(entries.stream().filter(e -> e.kind() == ModelKind.WHISPER).count() >= 3, entries.toString());
        assertTrue(entries.stream().filter(e -> e.kind() == ModelKind.LLM && e.file().toLowerCase().contains("q4_k_m")).count() >= 4);
        assertEquals(entries.size(), new HashSet<>(entries.stream().map(CatalogueEntry::file).toList()).size(), "file names unique");
        for (CatalogueEntry e : entries) {
            assertEquals("https", e.url().getScheme(), e.name());
            assertTrue(e.url().getPath().endsWith("/" + e.file()), e.name() + " url ends with its file name");
            assertTrue(!e.licence().equals("unknown"), e.name() + " has a licence");
            assertEquals(e.kind() == ModelKind.LLM ? ".gguf" : ".bin", e.file().substring(e.file().lastIndexOf('.')), e.name());
        }
        assertTrue(entries.stream().anyMatch(e -> e.sha256() == null), "unverifiable values stay null rather than invented");
    }

    @Test
    void anExtraCatalogueAddsAndReplacesEntries() throws Exception {
        CatalogueEntry mine = new CatalogueEntry("whisper-base", ModelKind.WHISPER, "my-base.bin", URI.create("http://127.0.0.1:1/my-base.bin"),
                10L, null, null, "MIT", "local mirror");
        Path file = TestModels.catalogueFile(dir, mine);
        ModelCatalogue merged = ModelCatalogue.load(new ModelsConfig(null, file));
        assertEquals("my-base.bin", merged.require("whisper-base").file());
        assertEquals(ModelCatalogue.builtIn().entries().size(), merged.entries().size());
    }

    @Test
    void badCatalogueFilesAndNamesGiveClearErrors() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "models:\n  - name: x\n    kind: whisper\n    file: x.bin\n    url: ftp://example.org/x.bin\n");
        CatalogueException e = assertThrows(CatalogueException.class, () -> ModelCatalogue.read(bad));
        assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("http(s)"), e.getMessage());
        Path shortSha = dir.resolve("sha.json");
        Files.writeString(shortSha, "{\"models\":[{\"name\":\"x\",\"kind\":\"llm\",\"file\":\"x.gguf\",\"url\":\"https://e.org/x.gguf\",\"sha256\":\"abc\"}]}");
        CatalogueException e2 = assertThrows(CatalogueException.class, () -> ModelCatalogue.read(shortSha));
        assertTrue(e2.getMessage().contains("64 hex digits"), e2.getMessage());
        CatalogueException missing = assertThrows(CatalogueException.class, () -> ModelCatalogue.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        CatalogueException unknown = assertThrows(CatalogueException.class, () -> ModelCatalogue.builtIn().require("whisper-huge"));
        assertTrue(unknown.getMessage().contains("whisper-base"), "lists the known names: " + unknown.getMessage());
    }

    @Test
    void theHeaderTellsGgufFromGgmlFromAnythingElse() throws Exception {
        assertEquals(FileFormat.GGUF, FileFormat.of(TestModels.gguf(16, 1)));
        assertEquals(FileFormat.GGML, FileFormat.of(TestModels.ggml(16, 1)));
        assertEquals(FileFormat.UNKNOWN, FileFormat.of("<html>".getBytes()));
        assertEquals(FileFormat.UNKNOWN, FileFormat.of(new byte[] {'G', 'G'}));
        assertEquals(FileFormat.LEGACY_LLAMA, FileFormat.of(new byte[] {0x74, 0x6a, 0x67, 0x67}));
        Path empty = Files.createFile(dir.resolve("empty.gguf"));
        assertEquals(FileFormat.UNKNOWN, FileFormat.of(empty));
    }

    @Test
    void theDefaultModelsDirectoryIsUnderTheUsersCacheNeverTheWorkingDirectory() {
        assertEquals(Path.of("/xdg/cache/robot/models"), ModelStore.resolve(new ModelsConfig(null, null),
                Map.of("HOME", "/home/r", "XDG_CACHE_HOME", "/xdg/cache")).dir());
        assertEquals(Path.of("/home/r/.cache/robot/models"), ModelStore.resolve(new ModelsConfig(null, null),
                Map.of("HOME", "/home/r", "XDG_CACHE_HOME", "relative/ignored")).dir());
        assertEquals(Path.of("/srv/models"), ModelStore.resolve(new ModelsConfig(Path.of("/srv/models"), null), Map.of()).dir());
    }
}
