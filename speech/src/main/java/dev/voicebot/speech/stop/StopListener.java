package dev.voicebot.speech.stop;

/**
 * Called when a stop word is heard, possibly from a decoding thread: implementations must be quick
 * and thread-safe (for example publish a Stop intent). Saying stop by mistake is cheap; missing it is
 * not, so the detectors err towards firing.
 */
@FunctionalInterface
public interface StopListener {
    void onStop(StopDetection detection);
}
