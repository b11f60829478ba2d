package dev.voicebot.runtime.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds back events that arrive while the runtime is still starting (a retained state, an early error)
 * so that {@code ready} is always the first event a consumer sees; {@link #open} emits it and then the
 * held events, in order.
 */
public final class ReadyFirstSink implements EventSink {
    private final EventSink target;
    private List<RuntimeEvent> held = new ArrayList<>();

    public ReadyFirstSink(EventSink target) {
        this.target = target;
    }

    @Override
    public synchronized void emit(RuntimeEvent event) {
        if (held != null) {
            held.add(event);
        } else {
            target.emit(event);
        }
    }

    /** Emits {@code ready}, then everything held back; later events pass straight through. */
    public synchronized void open(RuntimeEvent.Ready ready) {
        target.emit(ready);
        List<RuntimeEvent> pending = held;
        held = null;
        pending.forEach(target::emit);
    }
}
