package dev.voicebot.actuators.bus;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events through a {@link MqttBus}, keeping up to {@code capacity} of them while the bus is
 * disconnected and sending them in order once it is back; when full the oldest is dropped and counted.
 * Motion commands must never wait for a connection: a publication with a message expiry (the form of
 * {@link Publication#motion}) is refused here, and the caller reports it as dropped instead.
 */
public final class OfflineBuffer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OfflineBuffer.class);

    private final MqttBus bus;
    private final int capacity;
    private final Deque<Publication> waiting = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private final ExecutorService flusher;

    /** What happened to one publication. */
    public enum Result { SENT, BUFFERED, DROPPED }

    public OfflineBuffer(MqttBus bus, int capacity) {
        this.bus = ensureNotNull(bus, "bus");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.flusher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mqtt-offline-flush-" + bus.clientId());
            t.setDaemon(true);
            return t;
        });
        bus.onConnectionChange(connected -> {
            if (connected) {
                try {
                    flusher.execute(this::flush);
                } catch (java.util.concurrent.RejectedExecutionException closed) {
                    // closing
                }
            }
        });
    }

    /** Sends now if connected, else keeps it for later; never throws for a lost connection. */
    public Result publish(Publication p) {
        ensureNotNull(p, "publication");
        if (p.expiry().isPresent()) {
            throw new IllegalArgumentException("a publication with a message expiry (a motion command) must not be buffered: " + p.topic());
        }
        synchronized (waiting) {
            if (waiting.isEmpty() && bus.isConnected()) {
                try {
                    bus.publish(p);
                    return Result.SENT;
                } catch (BusException e) {
                    if (bus.isConnected()) {
                        log.warn("event on {} not published", p.topic(), e);
                        return Result.DROPPED;
                    }
                    // lost the connection meanwhile: keep it
                }
            }
            if (capacity == 0) {
                dropped.incrementAndGet();
                return Result.DROPPED;
            }
            if (waiting.size() >= capacity) {
                waiting.pollFirst();
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 100 == 0) {
                    log.warn("offline buffer full ({} events): {} oldest event(s) dropped so far", capacity, n);
                }
            }
            waiting.addLast(p);
            return Result.BUFFERED;
        }
    }

    private void flush() {
        synchronized (waiting) {
            while (!waiting.isEmpty() && bus.isConnected()) {
                try {
                    bus.publish(waiting.peekFirst());
                    waiting.pollFirst();
                } catch (BusException e) {
                    log.debug("flush interrupted; {} event(s) still waiting", waiting.size(), e);
                    return;
                }
            }
        }
    }

    /** Events waiting for the connection. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Events dropped because the buffer was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
