package dev.voicebot.runtime.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback server the test starts: whole, interrupted and resumed, corrupted, and wrong. */
class ModelDownloaderTest {
    private static final int SIZE = 1_500_000;

    @TempDir
    Path dir;

    private final ModelDownloader downloader = ModelDownloader.standard("robot-test");

    /** Records what a listener hears. */
    static final class Recorder implements DownloadListener {
        final List<String> notes = new CopyOnWriteArrayList<>();
        final AtomicLong last = new AtomicLong(-1);
        volatile long resumedAt = -1;
        volatile OptionalLong total = OptionalLong.empty();

        public void started(CatalogueEntry entry, long resumedAt, OptionalLong total) {
            this.resumedAt = resumedAt;
            this.total = total;
        }

        public void progress(long bytes) {
            last.set(bytes);
        }

        public void finished() {
        }

        public void note(String message) {
            notes.add(message);
        }
    }

    @Test
    void downloadsVerifiesAndMovesIntoPlace() throws Exception {
        byte[] model = TestModels.gguf(SIZE, 1);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            CatalogueEntry entry = TestModels.entry("tiny-llm", ModelKind.LLM, server.uri(), model, true);
            ModelStore store = new ModelStore(dir.resolve("models"));
            Recorder progress = new Recorder();
            PullResult r = downloader.pull(entry, store, progress);
            assertTrue(r.downloaded());
            assertInstanceOf(VerifyOutcome.Verified.class, r.outcome());
            assertEquals(store.path(entry), r.file());
            assertArrayEquals(model, Files.readAllBytes(r.file()));
            assertFalse(Files.exists(store.partial(entry)), "no partial file left");
            assertEquals(SIZE, progress.last.get());
            assertEquals(OptionalLong.of(SIZE), progress.total);
            assertEquals(List.of(""), server.ranges(), "a fresh download asks for the whole file");
            // a second pull finds it and downloads nothing
            PullResult again = downloader.pull(entry, store, new Recorder());
            assertFalse(again.downloaded());
            assertEquals(1, server.ranges().size());
        }
    }

    @Test
    void anInterruptedDownloadKeepsItsPartialFileAndResumesWithARangeRequest() throws Exception {
        byte[] model = TestModels.gguf(SIZE, 2);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            CatalogueEntry entry = TestModels.entry("tiny-llm", ModelKind.LLM, server.uri(), model, true);
            ModelStore store = new ModelStore(dir.resolve("models"));
            server.breakNextAfter(600_000);
            DownloadException broken = assertThrows(DownloadException.class, () -> downloader.pull(entry, store, new Recorder()));
            assertTrue(broken.partialKept(), broken.getMessage());
            assertTrue(broken.getMessage().contains("run the same command again to resume"), broken.getMessage());
            long have = Files.size(store.partial(entry));
            assertTrue(have > 0 && have < SIZE, "partial file holds part of the model: " + have);
            assertFalse(Files.exists(store.path(entry)), "nothing at the final name before it is verified");

            Recorder progress = new Recorder();
            PullResult r = downloader.pull(entry, store, progress);
            assertEquals("bytes=" + have + "-", server.ranges().get(1), "the second attempt asks only for the rest");
            assertEquals(have, r.resumedFrom());
            assertEquals(have, progress.resumedAt);
            assertInstanceOf(VerifyOutcome.Verified.class, r.outcome());
            assertArrayEquals(model, Files.readAllBytes(store.path(entry)));
            assertFalse(Files.exists(store.partial(entry)));
        }
    }

    @Test
    void aCorruptedDownloadIsDeletedAndSaysSo() throws Exception {
        byte[] model = TestModels.gguf(SIZE, 3);
        byte[] corrupted = model.clone();
        corrupted[SIZE / 2] ^= 0x01;
        try (LoopbackModelServer server = new LoopbackModelServer(corrupted)) {
            CatalogueEntry entry = TestModels.entry("tiny-llm", ModelKind.LLM, server.uri(), model, true);
            ModelStore store = new ModelStore(dir.resolve("models"));
            DownloadException e = assertThrows(DownloadException.class, () -> downloader.pull(entry, store, new Recorder()));
            assertFalse(e.partialKept());
            assertTrue(e.getMessage().contains("CHECKSUM MISMATCH") && e.getMessage().contains("partial file was deleted"), e.getMessage());
            assertFalse(Files.exists(store.partial(entry)));
            assertFalse(Files.exists(store.path(entry)));
        }
    }

    @Test
    void aServerThatIgnoresRangeStartsOver() throws Exception {
        byte[] model = TestModels.ggml(SIZE, 4);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            CatalogueEntry entry = TestModels.entry("tiny-whisper", ModelKind.WHISPER, server.uri(), model, true);
            ModelStore store = new ModelStore(dir.resolve("models"));
            server.breakNextAfter(300_000);
            assertThrows(DownloadException.class, () -> downloader.pull(entry, store, new Recorder()));
            server.ignoreRange(true);
            Recorder progress = new Recorder();
            PullResult r = downloader.pull(entry, store, progress);
            assertEquals(0, r.resumedFrom());
            assertTrue(progress.notes.stream().anyMatch(n -> n.contains("cannot resume")), progress.notes.toString());
            assertArrayEquals(model, Files.readAllBytes(store.path(entry)));
        }
    }

    @Test
    void withoutAPublishedChecksumTheModelIsKeptAndSaysItIsNotVerified() throws Exception {
        byte[] model = TestModels.gguf(200_000, 5);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            CatalogueEntry entry = TestModels.entry("unverified", ModelKind.LLM, server.uri(), model, false);
            PullResult r = downloader.pull(entry, new ModelStore(dir), new Recorder());
            VerifyOutcome.NoPublishedChecksum n = assertInstanceOf(VerifyOutcome.NoPublishedChecksum.class, r.outcome());
            assertEquals(TestModels.sha256(model), n.sha256());
            assertTrue(n.describe().contains("no published checksum"), n.describe());
        }
    }

    @Test
    void anErrorPageInsteadOfAModelIsRejectedAndDeleted() throws Exception {
        byte[] page = "<!DOCTYPE html><html><body>Access denied</body></html>".getBytes(StandardCharsets.UTF_8);
        try (LoopbackModelServer server = new LoopbackModelServer(page)) {
            CatalogueEntry entry = new CatalogueEntry("page", ModelKind.LLM, "page.gguf", server.uri(), null, null, null, "MIT", "");
            ModelStore store = new ModelStore(dir);
            DownloadException e = assertThrows(DownloadException.class, () -> downloader.pull(entry, store, new Recorder()));
            assertTrue(e.getMessage().contains("WRONG FORMAT"), e.getMessage());
            assertFalse(Files.exists(store.partial(entry)));
        }
    }

    @Test
    void anHttpErrorSaysWhichStatusAndUrl() throws Exception {
        byte[] model = TestModels.gguf(1000, 6);
        try (LoopbackModelServer server = new LoopbackModelServer(model)) {
            server.status(404);
            CatalogueEntry entry = TestModels.entry("gone", ModelKind.LLM, server.uri(), model, true);
            DownloadException e = assertThrows(DownloadException.class, () -> downloader.pull(entry, new ModelStore(dir), new Recorder()));
            assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains(server.uri().toString()), e.getMessage());
        }
    }
}
