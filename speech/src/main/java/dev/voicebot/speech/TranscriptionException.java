package dev.voicebot.speech;

/** Whisper failed on audio that was valid (a native error code, a closed engine). */
public final class TranscriptionException extends SpeechException {
    public TranscriptionException(String message) {
        super("speech: " + message, null);
    }

    public TranscriptionException(String message, Throwable cause) {
        super("speech: " + message, cause);
    }
}
