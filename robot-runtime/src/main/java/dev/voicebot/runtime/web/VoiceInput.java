package dev.voicebot.runtime.web;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.runtime.RobotRuntime;
import dev.voicebot.runtime.events.EventSink;
import dev.voicebot.runtime.events.RuntimeEvent;
import dev.voicebot.runtime.voice.VoiceLoop;
import dev.voicebot.speech.SpeechException;
import dev.voicebot.speech.audio.AudioSource;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Recorded speech into the running robot: a push-to-talk recording from the web page, or a WAV file
 * of a scenario, through the speech pipeline (endpointer, Whisper, guards) and on to the brain.
 * {@link #speechPipeline()} is the real one; {@link #notConfigured} stands in where there is no
 * speech recognition and says why.
 */
public interface VoiceInput {
    /** The reason given when the configuration names no Whisper model. */
    String NO_MODEL = "speech recognition not configured: set speech.model to a Whisper ggml model file "
            + "(robot models pull whisper-base) to talk to the robot";

    /** Why recognition cannot run here, or empty when it can. */
    Optional<String> unavailableReason();

    /**
     * Plays {@code audio} (closed here) through the speech pipeline into {@code runtime}, as fast as it
     * can be read, and waits until everything heard in it was handled. Returns false (after an error
     * event) when the pipeline failed.
     *
     * @throws IllegalStateException when recognition is not available (see {@link #unavailableReason()})
     */
    boolean hear(RobotRuntime runtime, EventSink events, AudioSource audio, String label) throws InterruptedException;

    /** No recognizer: {@link #hear} fails with {@code reason}. */
    static VoiceInput notConfigured(String reason) {
        ensureNotBlank(reason, "reason");
        return new VoiceInput() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(reason);
            }

            @Override
            public boolean hear(RobotRuntime runtime, EventSink events, AudioSource audio, String label) {
                audio.close();
                throw new IllegalStateException(reason);
            }
        };
    }

    /** The speech pipeline of {@code robot run --input}: a {@link VoiceLoop} on the recording, with the runtime's speech settings. */
    static VoiceInput speechPipeline() {
        return new VoiceInput() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.empty();
            }

            @Override
            public boolean hear(RobotRuntime runtime, EventSink events, AudioSource audio, String label) throws InterruptedException {
                ensureNotNull(runtime, "runtime");
                if (runtime.config().speech().model() == null) {
                    audio.close();
                    throw new IllegalStateException(NO_MODEL);
                }
                try (VoiceLoop loop = VoiceLoop.start(runtime, events, audio, label, VoiceLoop.Options.from(runtime.config()).withPaced(false))) {
                    if (!loop.awaitEnd(Duration.ofMinutes(2))) {
                        events.emit(new RuntimeEvent.Error("speech", "the recording from " + label + " was not handled within 2 minutes"));
                        return false;
                    }
                    return !loop.failed();
                } catch (SpeechException e) {
                    LoggerFactory.getLogger(VoiceInput.class).warn("speech input {} cannot start", label, e);
                    events.emit(new RuntimeEvent.Error("speech", e.getMessage()));
                    return false;
                }
            }
        };
    }
}
