package dev.voicebot.speech.asr;

import java.nio.file.Path;

/**
 * What {@link WhisperModelFile#validate(Path)} learned from a model file's header.
 *
 * @param ftype     weight type: 1 = F16, 2/3 = Q4_0/Q4_1, 7 = Q8_0, 8/9 = Q5_0/Q5_1, 10-14 = k-quants
 * @param tensors   number of tensors in the file (all that whisper.cpp expects)
 */
public record WhisperModelInfo(Path file, int nVocab, int nAudioCtx, int nAudioState, int nAudioHead, int nAudioLayer,
                               int nTextCtx, int nTextState, int nTextHead, int nTextLayer, int nMels, int ftype, int tensors) {

    /** Multilingual models (51865+ tokens) can detect languages and translate; English-only ones cannot. */
    public boolean multilingual() {
        return nVocab >= 51_865;
    }
}
