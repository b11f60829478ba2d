package dev.voicebot.speech;

/** No usable capture device (microphone), or the device failed while recording. */
public final class AudioDeviceException extends SpeechException {
    public AudioDeviceException(String message, Throwable cause) {
        super("speech: " + message, cause);
    }
}
