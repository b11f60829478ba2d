package dev.voicebot.brain;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-way request to stop work early, for example barge-in: the user started speaking again.
 * Thread-safe; once cancelled it stays cancelled, and every listener runs exactly once.
 */
public final class CancelSignal {
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean cancelled;

    /** Cancels; listeners run on the calling thread. Calling it again does nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(listeners);
            listeners.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code listener} on cancellation, or at once if already cancelled. Closing the returned
     * registration removes the listener (so a long-lived signal does not collect them).
     */
    public Registration onCancel(Runnable listener) {
        synchronized (this) {
            if (!cancelled) {
                listeners.add(listener);
                return () -> {
                    synchronized (this) {
                        listeners.remove(listener);
                    }
                };
            }
        }
        listener.run();
        return () -> { };
    }

    /** A listener registration; {@link #close()} removes the listener. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
