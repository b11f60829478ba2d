package dev.voicebot.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.runtime.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code robot privacy purge} through the real command line. */
class PrivacyPurgeCommandTest {
    @TempDir
    Path tmp;

    private Map<String, String> env() {
        return Map.of("ROBOT_DATA_DIR", tmp.resolve("data").toString());
    }

    private Path seed() throws Exception {
        Path file = new DataDirectory(tmp.resolve("data")).subdirectory("feedback").resolve("reports.jsonl");
        Files.writeString(file, "{\"report\":\"too loud\"}\n");
        return file;
    }

    @Test
    void withoutConfirmationNothingIsDeleted() throws Exception {
        Path file = seed();
        CliHarness no = CliHarness.run("no\n", env(), "privacy", "purge");
        assertEquals(1, no.exitCode());
        assertTrue(no.stderr().contains("Type 'yes'") && no.stderr().contains("nothing was deleted"), no.stderr());
        assertTrue(Files.exists(file));
        CliHarness eof = CliHarness.run("", env(), "privacy", "purge");
        assertEquals(1, eof.exitCode());
        assertTrue(Files.exists(file));
    }

    @Test
    void confirmedOrWithYesTheDirectoryIsEmptied() throws Exception {
        Path file = seed();
        CliHarness yes = CliHarness.run("yes\n", env(), "privacy", "purge");
        assertEquals(0, yes.exitCode(), yes.stderr());
        assertFalse(Files.exists(file));
        assertTrue(yes.stdout().contains("purged 1 file(s)"), yes.stdout());

        Path again = seed();
        CliHarness script = CliHarness.run("", env(), "privacy", "purge", "--yes");
        assertEquals(0, script.exitCode(), script.stderr());
        assertFalse(Files.exists(again));
        assertFalse(Files.exists(again.getParent()));

        CliHarness empty = CliHarness.run("", env(), "privacy", "purge", "--yes");
        assertEquals(0, empty.exitCode());
        assertTrue(empty.stdout().contains("nothing to purge"), empty.stdout());

        CliHarness show = CliHarness.run("", env(), "privacy", "show");
        assertTrue(show.stdout().contains(tmp.resolve("data").toString()), show.stdout());
    }
}
