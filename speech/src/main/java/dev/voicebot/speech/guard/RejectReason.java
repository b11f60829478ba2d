package dev.voicebot.speech.guard;

/** Why an utterance produced no transcript for the brain. */
public enum RejectReason {
    /** Too little voice activity to be worth decoding: Whisper was not called. */
    NO_VOICE_ACTIVITY,
    /** Whisper returned no text. */
    EMPTY_TRANSCRIPT,
    /** Only a non-speech annotation such as [Music], (박수) or ♪. */
    NON_SPEECH_ANNOTATION,
    /** A phrase Whisper is known to invent on silence and noise ("Thank you for watching", "시청해주셔서 감사합니다"),
     *  heard while the audio was quiet or the language identification unsure. */
    KNOWN_HALLUCINATION,
    /** The same words over and over: Whisper's decoding loop. */
    REPETITION_LOOP
}
