package dev.voicebot.runtime.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.PrivacyConfig;
import dev.voicebot.config.RetentionConfig;
import dev.voicebot.speech.audio.WavFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audio is kept only when recording is switched on, as readable WAV, within its age and size limits. */
class UtteranceRecorderTest {
    @TempDir
    Path data;

    private static float[] tone(int samples) {
        float[] s = new float[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }
        return s;
    }

    private static PrivacyConfig config(boolean record, Duration maxAge, int maxMb) {
        return new PrivacyConfig(true, true, record, new RetentionConfig(maxAge, maxMb), Duration.ofHours(1));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void offByDefaultWritesNothingAtAll() throws IOException {
        Path dir = data.resolve("recordings");
        UtteranceRecorder recorder = UtteranceRecorder.of(new dev.voicebot.config.ConfigLoader().defaults().privacy(), dir,
                DirectoryCreator.plain(), Clock.systemUTC());
        assertFalse(recorder.enabled());
        assertEquals(Optional.empty(), recorder.record(tone(16_000), "en"));
        recorder.sweep();
        assertFalse(Files.exists(dir), "no recordings directory when recording is off");
        assertEquals(List.of(), files(data));
    }

    @Test
    void whenOnEachUtteranceIsAReadableWav() throws Exception {
        Path dir = data.resolve("recordings");
        UtteranceRecorder recorder = UtteranceRecorder.of(config(true, Duration.ofDays(7), 10), dir, DirectoryCreator.plain(), Clock.systemUTC());
        Path file = recorder.record(tone(8_000), "ko").orElseThrow();
        assertTrue(file.getFileName().toString().matches("utterance-\\d{8}T\\d{9}Z-1-ko\\.wav"), file.toString());
        assertEquals(List.of(file), files(dir), "no temporary file left behind");
        float[] back = WavFileSource.readAll(file);
        assertEquals(8_000, back.length);
        assertEquals(0.5 * Math.sin(2 * Math.PI * 440 * 100 / 16_000.0), back[100], 1e-3);
    }

    @Test
    void oldRecordingsAndThoseBeyondTheSizeLimitAreDeleted() throws IOException {
        Path dir = data.resolve("recordings");
        UtteranceRecorder recorder = UtteranceRecorder.of(config(true, Duration.ofDays(7), 1), dir, DirectoryCreator.plain(), Clock.systemUTC());
        Path old = recorder.record(tone(1_000), "en").orElseThrow();
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        recorder.sweep();
        assertFalse(Files.exists(old), "a recording older than 7 days is deleted");
        // each file is about 320 kB (10 s): the fourth pushes the total past 1 MB, so the oldest goes
        Path first = recorder.record(tone(160_000), "en").orElseThrow();
        recorder.record(tone(160_000), "en").orElseThrow();
        recorder.record(tone(160_000), "en").orElseThrow();
        assertTrue(Files.exists(first));
        Path fourth = recorder.record(tone(160_000), "en").orElseThrow();
        assertFalse(Files.exists(first), "the oldest recording goes when the total passes 1 MB");
        assertTrue(Files.exists(fourth));
        long total = 0;
        for (Path f : files(dir)) {
            total += Files.size(f);
        }
        assertTrue(total <= 1024 * 1024, "total " + total);
    }

    @Test
    void aRecordingSweptAfterItWasSwitchedOffStillExpires() throws IOException {
        Path dir = data.resolve("recordings");
        Path kept = UtteranceRecorder.of(config(true, Duration.ofDays(1), 10), dir, DirectoryCreator.plain(), Clock.systemUTC())
                .record(tone(1_000), "en").orElseThrow();
        Files.setLastModifiedTime(kept, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        UtteranceRecorder.of(config(false, Duration.ofDays(1), 10), dir, DirectoryCreator.plain(), Clock.systemUTC()).sweep();
        assertFalse(Files.exists(kept));
    }
}
