package dev.voicebot.speech;

import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.guard.RejectReason;
import dev.voicebot.speech.stop.StopDetection;
import dev.voicebot.speech.vad.Utterance;

/**
 * What a running {@link SpeechInput} reports. Called from the speech threads (audio, recognition,
 * stop-word decoding): implementations must be thread-safe and return quickly. Times are ms of
 * audio from the start of the input.
 */
public interface SpeechListener {

    /** Speech began (use it to pause text-to-speech or show "listening"). */
    default void speechStarted(long startMs) {
    }

    /** An utterance was transcribed and passed the guards: text for the brain. */
    void recognized(Utterance utterance, Transcript transcript);

    /** An utterance gave no usable text, and why (logged already). */
    default void rejected(Utterance utterance, RejectReason reason, String detail) {
    }

    /** Without a Whisper model: an utterance was found but cannot be transcribed. */
    default void untranscribed(Utterance utterance) {
    }

    /** A stop word was heard by the fast path: stop now, do not wait for the transcript. */
    default void stopHeard(StopDetection detection) {
    }

    /** The input failed (unreadable file, lost microphone, Whisper error); the input has ended. */
    default void failed(RuntimeException error) {
    }

    /** The input ended (end of file or stream, or closed) and every utterance has been reported. */
    default void ended() {
    }
}
