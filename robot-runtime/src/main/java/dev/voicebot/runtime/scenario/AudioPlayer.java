package dev.voicebot.runtime.scenario;

import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.web.VoiceInput;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.audio.AudioSource;
import dev.voicebot.speech.audio.AudioSources;
import java.io.InputStream;
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

    /**
     * The speech pipeline of {@code robot run --input wav:FILE} (read as fast as it can be), or a clear
     * failure when the runtime has no Whisper model ({@code speech.model}).
     */
    static AudioPlayer speechPipeline() {
        return (runtime, events, wav) -> {
            if (runtime.config().speech().model() == null) {
                return new Outcome(false, VoiceInput.NO_MODEL);
            }
            AudioSource audio;
            try {
                audio = AudioSources.open("wav:" + wav, InputStream.nullInputStream());
            } catch (SpeechException | IllegalArgumentException e) {
                return new Outcome(false, "cannot read " + wav.getFileName() + ": " + e.getMessage());
            }
            boolean ok = VoiceInput.speechPipeline().hear(runtime, events, audio, "scenario");
            return new Outcome(ok, ok ? "" : "the speech pipeline failed on " + wav.getFileName() + " (see the error events)");
        };
    }
}
