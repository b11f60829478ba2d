package dev.voicebot.speech.features;

/**
 * How an utterance was said, as a cue for the brain (calm, excited, hesitant...). Values that could
 * not be measured (for example pitch of a whispered utterance) are {@code NaN}.
 *
 * @param pitchMeanHz          mean fundamental frequency of the confidently voiced frames
 * @param pitchLowHz           10th percentile of the fundamental
 * @param pitchHighHz          90th percentile of the fundamental
 * @param pitchRangeSemitones  12 * log2(high / low): a flat voice is about 2, a lively one 6 or more
 * @param energyMeanDb         mean level of the speech frames, dBFS
 * @param energyRangeDb        90th minus 10th percentile of the speech frame levels, dB
 * @param syllables            syllable nuclei found (intensity peaks in voiced stretches)
 * @param speakingRate         syllables per second of utterance
 * @param voicedFraction       share of the utterance's frames with a confident pitch
 */
public record Prosody(
        double pitchMeanHz,
        double pitchLowHz,
        double pitchHighHz,
        double pitchRangeSemitones,
        double energyMeanDb,
        double energyRangeDb,
        int syllables,
        double speakingRate,
        double voicedFraction) {
}
