package dev.voicebot.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.config.DataConfig;
import dev.voicebot.config.InvalidValueException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultFollowsXdgDataHomeElseHomeAndARelativeDirIsRefused() {
        assertEquals(Path.of("/xdg/data/robot"), DataDirectory.resolve(new DataConfig(null), Map.of("HOME", "/home/r", "XDG_DATA_HOME", "/xdg/data")).root());
        assertEquals(Path.of("/home/r/.local/share/robot"), DataDirectory.resolve(new DataConfig(null), Map.of("HOME", "/home/r")).root());
        assertEquals(Path.of("/var/lib/robot"), DataDirectory.resolve(new DataConfig(Path.of("/var/lib/robot")), Map.of()).root());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new DataConfig(Path.of("data")));
        assertTrue(e.getMessage().contains("absolute"), e.getMessage());
    }

    @Test
    void itIsCreatedOwnerOnlyWithAMarkerAndSubdirectories() throws IOException {
        DataDirectory data = new DataDirectory(tmp.resolve("robot"));
        Path audit = data.subdirectory("audit");
        assertTrue(Files.isDirectory(audit));
        assertTrue(Files.exists(data.root().resolve(DataDirectory.MARKER)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.root())));
        assertThrows(IllegalArgumentException.class, () -> data.subdirectory("../escape"));
        assertFalse(data.hasData(), "an empty sub-directory and the marker are no data");
    }

    @Test
    void purgeDeletesEverythingInsideButNotWhatSymlinksPointTo() throws IOException {
        DataDirectory data = new DataDirectory(tmp.resolve("robot"));
        Files.writeString(data.subdirectory("audit").resolve("2026-01-01.jsonl"), "{\"text\":\"hello\"}\n");
        Files.write(data.subdirectory("recordings").resolve("u1.wav"), new byte[4096]);
        Path outside = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "mine");
        Files.createSymbolicLink(data.root().resolve("link"), outside);
        assertTrue(data.hasData());
        PurgeResult usage = data.usage();
        assertEquals(3, usage.files(), usage.toString());

        PurgeResult done = data.purge();
        assertEquals(3, done.files());
        assertEquals(4096 + 17, done.bytes());
        assertEquals(2, done.directories());
        assertFalse(data.hasData());
        assertTrue(Files.isDirectory(data.root()), "the directory itself stays");
        assertEquals("mine", Files.readString(outside.resolve("keep.txt")), "a symlink is removed, never followed");
    }

    @Test
    void purgeRefusesADirectoryTheRuntimeDidNotCreate() throws IOException {
        Path documents = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(documents.resolve("thesis.txt"), "years of work");
        IOException e = assertThrows(IOException.class, () -> new DataDirectory(documents).purge());
        assertTrue(e.getMessage().contains("marker"), e.getMessage());
        assertTrue(Files.exists(documents.resolve("thesis.txt")));
    }
}
