package dev.voicebot.speech.features;

/**
 * Acoustic features of one 10 ms hop of 16 kHz audio, measured on a 32 ms window centred on it.
 *
 * @param index            hop number from the start of the stream
 * @param energyDb         full-band energy in dBFS (a full-scale sine is -3 dB; digital silence -100 dB)
 * @param bandEnergyDb     energy in three bands, dB: 100-900 Hz (voicing), 900-3500 Hz (formants), 3500-7500 Hz (fricatives)
 * @param mfcc             13 mel-frequency cepstral coefficients (TarsosDSP, 40 mel filters 100-7600 Hz)
 * @param logMel           the 40 log mel-filter energies (natural log) the MFCC were computed from
 * @param pitchHz          YIN fundamental frequency, or -1 when the frame is not pitched
 * @param pitchProbability YIN confidence in [0, 1] (0 when not pitched)
 */
public record Frame(long index, float energyDb, float[] bandEnergyDb, float[] mfcc, float[] logMel, float pitchHz, float pitchProbability) {

    public static final int HOP_MS = 10;
    public static final int BANDS = 3;

    public long startMs() {
        return index * HOP_MS;
    }

    public long endMs() {
        return (index + 1) * HOP_MS;
    }

    public boolean pitched() {
        return pitchHz > 0;
    }
}
