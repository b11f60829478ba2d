package dev.voicebot.runtime.privacy;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.RobotConfig;
import dev.voicebot.runtime.audit.SafetyAudit;
import dev.voicebot.runtime.data.DataDirectory;
import dev.voicebot.runtime.feedback.FeedbackService;
import dev.voicebot.runtime.feedback.FeedbackStore;
import dev.voicebot.runtime.feedback.RecentReplies;
import dev.voicebot.runtime.feedback.ReportDetector;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Everything the runtime keeps, and the rules for it, wired from the configuration: the
 * {@link PrivacyPolicy} applied where text is stored or published, the {@link SafetyAudit} log, the
 * feedback store and service, the opt-in {@link UtteranceRecorder}, and the sweep that enforces
 * every retention limit at start and every {@code privacy.sweepEvery}. All files live under the
 * data directory, each kind in its own sub-directory created on first write. Close once.
 */
public final class DataKeeping implements AutoCloseable {
    private final PrivacyPolicy privacy;
    private final SafetyAudit audit;
    private final Optional<FeedbackStore> feedbackStore;
    private final FeedbackService feedback;
    private final UtteranceRecorder recorder;
    private final RetentionSweeper sweeper;

    private DataKeeping(PrivacyPolicy privacy, SafetyAudit audit, Optional<FeedbackStore> feedbackStore, FeedbackService feedback,
                        UtteranceRecorder recorder, RetentionSweeper sweeper) {
        this.privacy = privacy;
        this.audit = audit;
        this.feedbackStore = feedbackStore;
        this.feedback = feedback;
        this.recorder = recorder;
        this.sweeper = sweeper;
    }

    /**
     * Opens the stores in {@code data} and enforces their retention once before returning (so data
     * past its limits is gone before the robot hears anything new).
     */
    public static DataKeeping open(RobotConfig config, DataDirectory data, FeedbackService.Listener listener, Clock clock) {
        ensureNotNull(config, "config");
        ensureNotNull(data, "data");
        ensureNotNull(listener, "listener");
        ensureNotNull(clock, "clock");
        PrivacyPolicy privacy = PrivacyPolicy.of(config.privacy());
        DirectoryCreator inData = dir -> data.subdirectory(dir.getFileName().toString());
        Path root = data.root();
        String robotId = config.robot().id();
        SafetyAudit audit = SafetyAudit.open(config.audit(), root.resolve(SafetyAudit.DIRECTORY), inData, privacy, robotId, clock);
        FeedbackStore store = FeedbackStore.open(config.audit(), root.resolve(FeedbackStore.DIRECTORY), inData, clock);
        FeedbackService feedback = new FeedbackService(Optional.of(store), new RecentReplies(config.audit().feedback().recentReplies()),
                new ReportDetector(), privacy, robotId, listener, clock);
        UtteranceRecorder recorder = UtteranceRecorder.of(config.privacy(), root.resolve(UtteranceRecorder.DIRECTORY), inData, clock);
        RetentionSweeper sweeper = RetentionSweeper.start(config.privacy().sweepEvery(), List.of(audit, store, recorder));
        return new DataKeeping(privacy, audit, Optional.of(store), feedback, recorder, sweeper);
    }

    /**
     * Keeps nothing on disk (no audit log, reports acknowledged but not stored, no recordings), for
     * runtimes started without a data directory such as tests; the privacy policy still applies.
     */
    public static DataKeeping inMemory(RobotConfig config, FeedbackService.Listener listener, Clock clock) {
        ensureNotNull(config, "config");
        PrivacyPolicy privacy = PrivacyPolicy.of(config.privacy());
        FeedbackService feedback = new FeedbackService(Optional.empty(), new RecentReplies(config.audit().feedback().recentReplies()),
                new ReportDetector(), privacy, config.robot().id(), ensureNotNull(listener, "listener"), ensureNotNull(clock, "clock"));
        return new DataKeeping(privacy, SafetyAudit.disabled(config.robot().id()), Optional.empty(), feedback, UtteranceRecorder.off(),
                RetentionSweeper.start(config.privacy().sweepEvery(), List.of()));
    }

    public PrivacyPolicy privacy() {
        return privacy;
    }

    public SafetyAudit audit() {
        return audit;
    }

    public FeedbackService feedback() {
        return feedback;
    }

    public UtteranceRecorder recorder() {
        return recorder;
    }

    /** Enforces every retention limit now (also done at start and every {@code privacy.sweepEvery}). */
    public void sweepNow() {
        sweeper.sweepAll();
    }

    /** Stops the sweep, then closes the files being written. */
    @Override
    public void close() {
        sweeper.close();
        audit.close();
        feedbackStore.ifPresent(FeedbackStore::close);
    }
}
