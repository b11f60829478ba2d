package dev.voicebot.speech.vad;

/** What the endpointer reports as audio streams through it. Times are ms from the stream start. */
public sealed interface SpeechEvent permits SpeechEvent.SpeechStarted, SpeechEvent.UtteranceEnded, SpeechEvent.SpeechDiscarded {

    /** Speech began at {@code startMs}; reported once confirmed (up to about 100 ms later). */
    record SpeechStarted(long startMs) implements SpeechEvent {
    }

    /** A complete utterance. */
    record UtteranceEnded(Utterance utterance) implements SpeechEvent {
    }

    /** What started as speech turned out too short to be an utterance (a click, a cough). */
    record SpeechDiscarded(long startMs, long endMs, String reason) implements SpeechEvent {
    }
}
