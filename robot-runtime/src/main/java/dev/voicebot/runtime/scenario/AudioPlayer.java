package dev.voicebot.runtime.scenario;

import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import java.nio.file.Path;

/** Plays a scenario's {@code audio:} step: a WAV file through the speech pipeline into the runtime. */
@FunctionalInterface
public interface AudioPlayer {
    /** What happened: passed, and a detail for the table. */
    record Outcome(boolean passed, String detail) {
    }

    Outcome play(RobotRuntime runtime, EventSink events, Path wav) throws InterruptedException;

    /** No speech recognition here: every audio step fails with {@code reason}. */
    static AudioPlayer unavailable(String reason) {
        return (runtime, events, wav) -> new Outcome(false, reason);
    }
}
