package dev.voicebot.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.privacy.FileRetention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation by size and by time, retention by age and total size, and reading back. */
class JsonLinesLogTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void age(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void nothingIsCreatedBeforeTheFirstRecord() throws IOException {
        Path logDir = dir.resolve("audit");
        try (JsonLinesLog log = new JsonLinesLog(logDir, "audit", 4096, new FileRetention(Duration.ofDays(1), 1 << 20), Clock.systemUTC())) {
            log.sweep();
            assertFalse(Files.exists(logDir));
            log.append(Map.of("a", 1));
            assertEquals(1, log.files().size());
        }
        assertEquals(List.of(1), JsonLinesReader.read(logDir, "audit").records().stream().map(n -> n.get("a").asInt()).toList());
    }

    @Test
    void rotatesBySizeAndKeepsEveryRecordInOrder() throws IOException {
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 2048, new FileRetention(Duration.ofDays(30), 1 << 20), Clock.systemUTC())) {
            for (int i = 0; i < 100; i++) {
                log.append(Map.of("seq", i, "text", "x".repeat(100)));
            }
            List<Path> files = log.files();
            assertTrue(files.size() >= 5, "expected rotation into several files: " + files);
            for (Path f : files) {
                assertTrue(Files.size(f) <= 2048, f + " is " + Files.size(f) + " bytes");
            }
        }
        List<Integer> seqs = JsonLinesReader.read(dir, "audit").records().stream().map(n -> n.get("seq").asInt()).toList();
        assertEquals(java.util.stream.IntStream.range(0, 100).boxed().toList(), seqs);
    }

    @Test
    void aNewRunNeverAppendsToAnOldFile() throws IOException {
        Path old = dir.resolve("audit-20200101T000000000Z.jsonl");
        Files.writeString(old, "{\"seq\":0}\n{\"seq\":1,\"te");
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 4096, new FileRetention(Duration.ofDays(36500), 1 << 20), Clock.systemUTC())) {
            log.append(Map.of("seq", 2));
        }
        JsonLinesReader.Result r = JsonLinesReader.read(dir, "audit");
        assertEquals(List.of(0, 2), r.records().stream().map(n -> n.get("seq").asInt()).toList());
        assertEquals(1, r.partialLines());
    }

    @Test
    void sweepDeletesFilesPastTheirAgeWhileRunning() throws IOException {
        ManualClock clock = new ManualClock(Instant.now());
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 1 << 20, new FileRetention(Duration.ofDays(8), 1 << 20), clock)) {
            log.append(Map.of("day", 0));
            Path first = log.files().get(0);
            age(first, clock.instant());
            clock.advance(Duration.ofDays(2)); // past the roll period (8 days / 8): a new file starts
            log.append(Map.of("day", 2));
            assertEquals(2, log.files().size());
            Path second = log.files().get(1);
            age(second, clock.instant());
            clock.advance(Duration.ofDays(7));
            log.sweep();
            assertEquals(List.of(second), log.files(), "the first file's records are 9 days old");
            assertEquals(List.of(2), JsonLinesReader.read(dir, "audit").records().stream().map(n -> n.get("day").asInt()).toList());
            clock.advance(Duration.ofDays(2));
            log.sweep();
            assertEquals(List.of(), log.files(), "the file being written is deleted once its records expired");
            log.append(Map.of("day", 11));
            assertEquals(List.of(11), JsonLinesReader.read(dir, "audit").records().stream().map(n -> n.get("day").asInt()).toList());
        }
    }

    @Test
    void sweepDeletesOldestFilesBeyondTheTotalSize() throws IOException {
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 1024, new FileRetention(Duration.ofDays(30), 4096), Clock.systemUTC())) {
            for (int i = 0; i < 60; i++) {
                log.append(Map.of("seq", i, "text", "y".repeat(200)));
            }
            long before = total(log.files());
            assertTrue(before > 4096);
            log.sweep();
            assertTrue(total(log.files()) <= 4096, "total after sweep: " + total(log.files()));
            List<Integer> seqs = JsonLinesReader.read(dir, "audit").records().stream().map(n -> n.get("seq").asInt()).toList();
            assertEquals(59, seqs.get(seqs.size() - 1), "the newest records stay");
            assertTrue(seqs.get(0) > 0, "the oldest records went");
        }
    }

    @Test
    void unrelatedFilesAreNeverTouched() throws IOException {
        Path mine = Files.writeString(dir.resolve("notes.txt"), "keep me");
        Path other = Files.writeString(dir.resolve("feedback-20200101T000000000Z.jsonl"), "{}\n");
        age(mine, Instant.parse("2001-01-01T00:00:00Z"));
        age(other, Instant.parse("2001-01-01T00:00:00Z"));
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 4096, new FileRetention(Duration.ofDays(1), 4096), Clock.systemUTC())) {
            log.sweep();
        }
        assertTrue(Files.exists(mine));
        assertTrue(Files.exists(other));
    }

    @Test
    void aLineBreakInsideARecordIsRefused() throws IOException {
        try (JsonLinesLog log = new JsonLinesLog(dir, "audit", 4096, new FileRetention(Duration.ofDays(1), 4096), Clock.systemUTC())) {
            assertThrows(IllegalArgumentException.class, () -> log.appendLine("{\"a\":\n1}"));
            log.append(Map.of("text", "two\nlines"));
        }
        assertEquals("two\nlines", JsonLinesReader.read(dir, "audit").records().get(0).get("text").asText());
    }

    private static long total(List<Path> files) throws IOException {
        long sum = 0;
        for (Path f : files) {
            sum += Files.size(f);
        }
        return sum;
    }
}
