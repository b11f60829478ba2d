package dev.voicebot.speech;

/**
 * Everything the speech module reports as a failure. Messages start with {@code speech:} and name
 * the file or device and what is wrong with it, so the CLI can print them as they are.
 */
public abstract sealed class SpeechException extends RuntimeException
        permits AudioFileException, AudioDeviceException, ModelFileException, TranscriptionException {

    protected SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
