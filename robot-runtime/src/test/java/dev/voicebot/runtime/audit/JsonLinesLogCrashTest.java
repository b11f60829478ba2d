package dev.voicebot.runtime.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process writing the log is killed with SIGKILL while it writes: every complete line still
 * parses, records are numbered without gaps, and at most the one record in flight (the last line
 * of the newest file) is lost.
 */
class JsonLinesLogCrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinusNineLosesAtMostTheRecordInFlight() throws Exception {
        Path logDir = dir.resolve("audit");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                AuditWriterProcess.class.getName(), logDir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(dir.toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine(); // logging set-up may print first
            } while (line != null && !line.equals("writing"));
            assertEquals("writing", line, "the writer process did not start");
            Thread.sleep(200);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        List<Path> files = JsonLinesReader.files(logDir, "audit");
        assertTrue(files.size() > 1, "the log should have rotated: " + files);
        for (int i = 0; i < files.size() - 1; i++) {
            String text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "only the newest file may end in a partial line: " + files.get(i));
        }
        JsonLinesReader.Result result = JsonLinesReader.read(logDir, "audit");
        assertEquals(0, result.malformedLines(), "every complete line parses");
        assertTrue(result.partialLines() <= 1, "at most one partial line: " + result.partialLines());
        List<JsonNode> records = result.records();
        assertTrue(records.size() > 200, "records written before the kill: " + records.size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i, records.get(i).get("seq").asLong(), "no record lost before the one in flight");
        }
        Path newest = files.get(files.size() - 1);
        String tail = new String(Files.readAllBytes(newest), StandardCharsets.UTF_8);
        if (!tail.endsWith("\n")) {
            String partial = tail.substring(tail.lastIndexOf('\n') + 1);
            String next = "{\"seq\":" + records.size() + ",";
            assertTrue(partial.startsWith(next) || next.startsWith(partial), "the partial line is the next record: " + partial.substring(0, Math.min(40, partial.length())));
        }
    }
}
