package dev.voicebot.runtime.web;

import static dev.voicebot.config.Checks.ensureNotBlank;

import java.util.Optional;

/**
 * Speech recognition for audio that arrives whole (a push-to-talk recording from the web page, a WAV
 * file in a scenario): 16 kHz mono samples in, what was said out. The speech pipeline provides the
 * real one; {@link #notConfigured} stands in when there is none and says why.
 */
public interface VoiceInput {
    /** Why recognition cannot run here, or empty when it can. */
    Optional<String> unavailableReason();

    /**
     * Transcribes one utterance of 16 kHz mono samples in [-1, 1]; empty when nothing was understood.
     *
     * @throws IllegalStateException when recognition is not available (see {@link #unavailableReason()})
     */
    Optional<Heard> transcribe(float[] samples16k);

    /** What was heard and in which language. */
    record Heard(String text, String language) {
        public Heard {
            ensureNotBlank(text, "text");
            ensureNotBlank(language, "language");
        }
    }

    /** No recognizer: every call fails with {@code reason}. */
    static VoiceInput notConfigured(String reason) {
        ensureNotBlank(reason, "reason");
        return new VoiceInput() {
            @Override
            public Optional<String> unavailableReason() {
                return Optional.of(reason);
            }

            @Override
            public Optional<Heard> transcribe(float[] samples16k) {
                throw new IllegalStateException(reason);
            }
        };
    }

    /** The reason given when the configuration names no Whisper model. */
    String NO_MODEL = "speech recognition not configured: set speech.model to a Whisper ggml model file "
            + "(robot models lists them) to talk to the robot";
}
