package dev.voicebot.runtime.events;

/** Where runtime events go: JSON lines on stdout, a web page, a test. Must be thread-safe and must not block long. */
@FunctionalInterface
public interface EventSink {
    void emit(RuntimeEvent event);

    static EventSink none() {
        return e -> { };
    }

    default EventSink and(EventSink other) {
        return e -> {
            emit(e);
            other.emit(e);
        };
    }
}
