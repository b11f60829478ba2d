package dev.voicebot.runtime.audit;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.actuators.wire.SafetyEvent;
import dev.voicebot.brain.safety.Category;
import dev.voicebot.brain.safety.Direction;
import dev.voicebot.brain.safety.Verdict;
import dev.voicebot.config.AuditConfig;
import dev.voicebot.runtime.privacy.DirectoryCreator;
import dev.voicebot.runtime.privacy.FileRetention;
import dev.voicebot.runtime.privacy.PrivacyPolicy;
import dev.voicebot.runtime.privacy.RetentionSweeper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of safety decisions: every word-filter verdict (on what people said and on what the
 * robot says) and every motion refusal, clamp, confirmation and e-stop change, one {@link AuditRecord}
 * per line in {@code <data>/audit/audit-*.jsonl}. Text is passed through the {@link PrivacyPolicy}
 * before it is written. Writing never throws: a failure is logged and the robot goes on.
 */
public final class SafetyAudit implements AutoCloseable, RetentionSweeper.Sweepable {
    private static final Logger log = LoggerFactory.getLogger(SafetyAudit.class);
    public static final String DIRECTORY = "audit";
    public static final String PREFIX = "audit";

    private final Optional<JsonLinesLog> file;
    private final boolean includeAllowed;
    private final PrivacyPolicy privacy;
    private final String robotId;
    private final Clock clock;

    private SafetyAudit(Optional<JsonLinesLog> file, boolean includeAllowed, PrivacyPolicy privacy, String robotId, Clock clock) {
        this.file = file;
        this.includeAllowed = includeAllowed;
        this.privacy = ensureNotNull(privacy, "privacy");
        this.robotId = ensureNotBlank(robotId, "robotId");
        this.clock = ensureNotNull(clock, "clock");
    }

    /**
     * The audit log in {@code auditDir} as {@code config} says (nothing is written when it is
     * disabled); {@code creator} makes the directory when the first record comes.
     */
    public static SafetyAudit open(AuditConfig config, Path auditDir, DirectoryCreator creator, PrivacyPolicy privacy,
                                   String robotId, Clock clock) {
        ensureNotNull(config, "audit");
        Optional<JsonLinesLog> file = config.enabled()
                ? Optional.of(new JsonLinesLog(auditDir, creator, PREFIX, config.maxFileMb() * 1024L * 1024L,
                        FileRetention.of(config.retention()), clock))
                : Optional.empty();
        return new SafetyAudit(file, config.includeAllowed(), privacy, robotId, clock);
    }

    /** Records nothing (for tests and tools that run without a data directory). */
    public static SafetyAudit disabled(String robotId) {
        return new SafetyAudit(Optional.empty(), false, PrivacyPolicy.open(), robotId, Clock.systemUTC());
    }

    /**
     * The event for one word-filter verdict on {@code text}; text and replacement are cleaned by the
     * privacy policy, so the event may be published and stored as it is.
     */
    public SafetyEvent wordsEvent(Verdict verdict, Direction direction, String text, String language, String source) {
        ensureNotNull(verdict, "verdict");
        ensureNotNull(direction, "direction");
        ensureNotNull(text, "text");
        SafetyEvent.Decision decision = verdict instanceof Verdict.Block ? SafetyEvent.Decision.BLOCKED
                : verdict instanceof Verdict.Rewrite ? SafetyEvent.Decision.REWRITTEN : SafetyEvent.Decision.ALLOWED;
        List<String> categories = verdict.categories().stream().map(Category::wire).sorted().toList();
        String code = categories.isEmpty() ? null : categories.get(0);
        List<String> reasons = categories.isEmpty() ? List.of()
                : List.of(direction.wire() + " " + verdict.wire() + ": " + String.join(", ", categories)
                        + String.format(java.util.Locale.ROOT, " (score %.2f)", verdict.score()));
        SafetyEvent.Words words = new SafetyEvent.Words(direction.wire(), language, categories,
                Math.round(verdict.score() * 1000.0) / 1000.0, privacy.clean(text),
                verdict.replacement().map(privacy::clean).orElse(null));
        return new SafetyEvent(decision, code, reasons, null, null, source == null || source.isBlank() ? "unknown" : source, null, words);
    }

    /** True when {@code event} goes into the log under the current settings. */
    public boolean keeps(SafetyEvent event) {
        return file.isPresent() && (includeAllowed || event.decision() != SafetyEvent.Decision.ALLOWED);
    }

    /** Appends {@code event}; never throws. */
    public void record(SafetyEvent event) {
        if (event == null || !keeps(event)) {
            return;
        }
        Instant now = clock.instant();
        try {
            file.get().append(new AuditRecord(now.toEpochMilli(), now.toString(), robotId,
                    event.words() != null ? AuditRecord.WORDS : AuditRecord.MOTION, clean(event)));
        } catch (IOException | RuntimeException e) {
            log.error("audit record of a {} decision not written to {}", event.decision().wire(), file.get(), e);
        }
    }

    /** Personal data out of every text field (reasons can quote what was said, e.g. "declined: ..."). */
    private SafetyEvent clean(SafetyEvent e) {
        SafetyEvent.Words w = e.words();
        SafetyEvent.Words words = w == null ? null
                : new SafetyEvent.Words(w.direction(), w.language(), w.categories(), w.score(), privacy.clean(w.text()),
                        privacy.clean(w.replacement()));
        return new SafetyEvent(e.decision(), e.code(), e.reasons().stream().map(privacy::clean).toList(), e.intent(), e.adjusted(),
                e.source(), e.confirmationId(), words);
    }

    /** The directory records go to, if the log is enabled. */
    public Optional<Path> directory() {
        return file.map(JsonLinesLog::directory);
    }

    @Override
    public void sweep() throws IOException {
        if (file.isPresent()) {
            file.get().sweep();
        }
    }

    @Override
    public void close() {
        file.ifPresent(JsonLinesLog::close);
    }

    @Override
    public String toString() {
        return "SafetyAudit[" + file.map(Object::toString).orElse("disabled") + "]";
    }
}
