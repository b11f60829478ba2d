package dev.voicebot.runtime.ops;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a clean stop when the JVM is asked to exit (SIGTERM, SIGINT, end of {@code main}): closes the
 * runtime (stop motion, offline status, audit flush, models and broker in reverse order) on a worker
 * thread and waits at most {@code budget}, so the process is gone in bounded time even if a part hangs.
 */
public final class GracefulShutdown {
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Thread hook;

    private GracefulShutdown(Thread hook) {
        this.hook = hook;
    }

    /** Registers the hook; {@link #cancel()} removes it when the runtime was closed normally. */
    public static GracefulShutdown install(AutoCloseable target, Duration budget) {
        ensureNotNull(target, "target");
        ensureNotNull(budget, "budget");
        Thread hook = new Thread(() -> closeWithin(target, budget), "robot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new GracefulShutdown(hook);
    }

    /** Closes {@code target} on a worker thread, waiting at most {@code budget}; true if it finished. */
    public static boolean closeWithin(AutoCloseable target, Duration budget) {
        long start = System.nanoTime();
        log.info("shutting down (at most {} ms)", budget.toMillis());
        Thread worker = new Thread(() -> {
            try {
                target.close();
            } catch (Exception e) {
                log.warn("closing failed", e);
            }
        }, "robot-shutdown-worker");
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(budget.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (worker.isAlive()) {
            log.warn("shutdown still running after {} ms; exiting anyway", ms);
            return false;
        }
        log.info("shut down in {} ms", ms);
        return true;
    }

    /** Removes the hook (the runtime was closed normally); harmless while the JVM is already exiting. */
    public void cancel() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running and closes the runtime
        }
    }
}
