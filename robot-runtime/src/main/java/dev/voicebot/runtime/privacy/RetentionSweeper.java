package dev.voicebot.runtime.privacy;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs retention sweeps while the runtime is up: once at once, then every {@code every}, on one
 * daemon thread. A failing sweep is logged and tried again next time.
 */
public final class RetentionSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    /** One thing whose retention limits can be enforced. */
    @FunctionalInterface
    public interface Sweepable {
        void sweep() throws java.io.IOException;
    }

    private final ScheduledExecutorService executor;
    private final List<Sweepable> targets;

    private RetentionSweeper(Duration every, List<Sweepable> targets) {
        this.targets = List.copyOf(targets);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention-sweep");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweepAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sweeps every target now, on the caller's thread, then every {@code every} in the background. */
    public static RetentionSweeper start(Duration every, List<Sweepable> targets) {
        ensureNotNull(every, "every");
        ensureNotNull(targets, "targets");
        RetentionSweeper sweeper = new RetentionSweeper(every, targets);
        sweeper.sweepAll();
        return sweeper;
    }

    /** Sweeps every target now; failures are logged. */
    public void sweepAll() {
        for (Sweepable s : targets) {
            try {
                s.sweep();
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("retention sweep of {} failed; trying again at the next sweep", s, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("retention sweep still running after 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
