package dev.voicebot.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a {@link JsonLinesLog} wrote, oldest first. A file's last line without a line break is
 * a record a killed process was writing: it is dropped and counted as partial. A complete line that
 * is not a JSON object is skipped and counted as malformed.
 */
public final class JsonLinesReader {
    private static final Logger log = LoggerFactory.getLogger(JsonLinesReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLinesReader() {
    }

    /** The records found, and how many lines were dropped as partial or malformed. */
    public record Result(List<JsonNode> records, int partialLines, int malformedLines) {
        public Result {
            records = List.copyOf(records);
        }
    }

    static Predicate<Path> matcher(String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "-\\d{8}T\\d{9}Z" + Pattern.quote(JsonLinesLog.SUFFIX));
        return p -> name.matcher(p.getFileName().toString()).matches();
    }

    /** The files of the log {@code prefix} in {@code dir}, oldest first; none when the directory does not exist. */
    public static List<Path> files(Path dir, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        Predicate<Path> matches = matcher(prefix);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (matches.test(p) && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return out;
    }

    /** Every complete record of the log {@code prefix} in {@code dir}, oldest first. */
    public static Result read(Path dir, String prefix) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        int partial = 0;
        int malformed = 0;
        for (Path file : files(dir, prefix)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException deletedMeanwhile) {
                continue;
            } catch (java.nio.charset.MalformedInputException e) {
                // a kill in the middle of a multi-byte character: decode what is there, replacing the broken bytes
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            }
            int start = 0;
            while (start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    partial++;
                    log.debug("{}: dropped a partial last line of {} characters", file, text.length() - start);
                    break;
                }
                String line = text.substring(start, end);
                start = end + 1;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    if (node != null && node.isObject()) {
                        records.add(node);
                    } else {
                        malformed++;
                    }
                } catch (IOException e) {
                    malformed++;
                    log.warn("{}: skipped a line that is not JSON", file, e);
                }
            }
        }
        return new Result(records, partial, malformed);
    }
}
