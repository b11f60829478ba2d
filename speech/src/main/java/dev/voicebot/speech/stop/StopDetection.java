package dev.voicebot.speech.stop;

/**
 * A stop word was heard.
 *
 * @param streamTimeMs audio time (ms from stream start) at which the detection was possible: the end
 *                     of the window or frame that contained the word
 * @param word         the stop word matched ("stop", "멈춰", ...)
 * @param source       which detector fired
 * @param detail       the transcript of the window, or the keyword spotter's distance, for the log
 */
public record StopDetection(long streamTimeMs, String word, Source source, String detail) {

    public enum Source {
        /** A short rolling window decoded with Whisper. */
        WHISPER_WINDOW,
        /** The MFCC template keyword spotter. */
        KEYWORD_SPOTTER
    }
}
