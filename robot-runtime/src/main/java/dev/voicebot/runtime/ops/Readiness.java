package dev.voicebot.runtime.ops;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * What {@code /readyz} reports: every part that must work for the robot to serve registers a probe
 * (the broker connection, each configured model once loaded, ...). Ready when every probe passes and
 * the runtime is neither starting nor stopping.
 */
public final class Readiness {
    /** The state of one part: passing or not, and a short explanation. */
    public record Status(boolean ok, String detail) {
    }

    /** One evaluated probe. */
    public record Check(String name, boolean ok, String detail) {
    }

    private final Map<String, Supplier<Status>> probes = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public static Status ok(String detail) {
        return new Status(true, detail);
    }

    public static Status notReady(String detail) {
        return new Status(false, detail);
    }

    /** Adds or replaces the probe called {@code name}; it is called on each request, so keep it cheap. */
    public void register(String name, Supplier<Status> probe) {
        ensureNotBlank(name, "name");
        ensureNotNull(probe, "probe");
        if (probes.put(name, probe) == null) {
            order.add(name);
        }
    }

    /** Start-up is complete. */
    public void markStarted() {
        started.set(true);
    }

    /** Shutdown began: not ready from now on. */
    public void markStopping() {
        stopping.set(true);
    }

    public List<Check> evaluate() {
        List<Check> out = new ArrayList<>();
        out.add(stopping.get() ? new Check("lifecycle", false, "shutting down")
                : started.get() ? new Check("lifecycle", true, "running") : new Check("lifecycle", false, "starting"));
        for (String name : order) {
            Status s;
            try {
                s = probes.get(name).get();
            } catch (RuntimeException e) {
                s = notReady("probe failed: " + e);
            }
            out.add(new Check(name, s != null && s.ok(), s == null ? "no answer" : s.detail()));
        }
        return out;
    }

    public boolean ready() {
        return evaluate().stream().allMatch(Check::ok);
    }
}
