package dev.voicebot.runtime.feedback;

import static dev.voicebot.config.Checks.ensureNotNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.voicebot.config.AuditConfig;
import dev.voicebot.runtime.audit.JsonLinesLog;
import dev.voicebot.runtime.audit.JsonLinesReader;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import dev.voicebot.runtime.privacy.FileRetention;
import dev.voicebot.runtime.privacy.RetentionSweeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports about replies, one JSON line each, in {@code <data>/feedback/feedback-*.jsonl}: written
 * through record by record like the audit log, rotated, and bounded by {@code audit.feedback.retention}.
 */
public final class FeedbackStore implements AutoCloseable, RetentionSweeper.Sweepable {
    private static final Logger log = LoggerFactory.getLogger(FeedbackStore.class);
    public static final String DIRECTORY = "feedback";
    public static final String PREFIX = "feedback";
    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JsonLinesLog file;

    public FeedbackStore(JsonLinesLog file) {
        this.file = ensureNotNull(file, "file");
    }

    public static FeedbackStore open(AuditConfig config, Path feedbackDir, DirectoryCreator creator, Clock clock) {
        ensureNotNull(config, "audit");
        return new FeedbackStore(new JsonLinesLog(feedbackDir, creator, PREFIX, config.maxFileMb() * 1024L * 1024L,
                FileRetention.of(config.feedback().retention()), clock));
    }

    /** Appends one report, written through to the operating system before this returns. */
    public void append(FeedbackReport report) throws IOException {
        file.append(ensureNotNull(report, "report"));
    }

    /** Every stored report in {@code feedbackDir}, oldest first; lines that are not reports are skipped. */
    public static List<FeedbackReport> readAll(Path feedbackDir) throws IOException {
        List<FeedbackReport> out = new ArrayList<>();
        for (JsonNode node : JsonLinesReader.read(feedbackDir, PREFIX).records()) {
            try {
                out.add(READER.treeToValue(node, FeedbackReport.class));
            } catch (IOException | IllegalArgumentException e) {
                log.warn("skipped a feedback record that is not a report: {}", node, e);
            }
        }
        return out;
    }

    public Path directory() {
        return file.directory();
    }

    @Override
    public void sweep() throws IOException {
        file.sweep();
    }

    @Override
    public void close() {
        file.close();
    }

    @Override
    public String toString() {
        return "FeedbackStore[" + file + "]";
    }
}
