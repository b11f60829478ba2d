package dev.voicebot.speech.recognition;

import dev.voicebot.speech.asr.Transcript;
import dev.voicebot.speech.guard.RejectReason;
import dev.voicebot.speech.vad.Utterance;

/** The outcome of recognising one utterance: text for the brain, or why there is none. */
public sealed interface AsrResult permits AsrResult.Recognized, AsrResult.Rejected {

    Utterance utterance();

    /** Text to act on. */
    record Recognized(Utterance utterance, Transcript transcript) implements AsrResult {
    }

    /**
     * Dropped, with the reason and a detail for the log. {@code transcript} is null when Whisper was
     * not called ({@link RejectReason#NO_VOICE_ACTIVITY}).
     */
    record Rejected(Utterance utterance, RejectReason reason, String detail, Transcript transcript) implements AsrResult {
    }
}
