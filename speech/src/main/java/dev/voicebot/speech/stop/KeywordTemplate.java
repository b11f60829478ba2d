package dev.voicebot.speech.stop;

import static dev.voicebot.config.Checks.ensureNotBlank;

import dev.voicebot.speech.features.Frame;
import dev.voicebot.speech.features.FrameAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * One spoken example of a keyword as a sequence of normalised MFCC vectors (c1..c12, mean removed),
 * trimmed to the frames within 30 dB of its loudest.
 */
public record KeywordTemplate(String word, float[][] features) {
    static final int COEFFS = 12;
    static final double FLOOR_DB = 25;

    public KeywordTemplate {
        ensureNotBlank(word, "word");
        if (features.length < 5) {
            throw new IllegalArgumentException("keyword example for '" + word + "' is too short (" + features.length + " frames)");
        }
    }

    /** Builds a template from a recording (16 kHz mono) of the word alone. */
    public static KeywordTemplate fromAudio(String word, float[] samples16k) {
        List<Frame> frames = new ArrayList<>();
        FrameAnalyzer a = new FrameAnalyzer();
        a.accept(samples16k, 0, samples16k.length, frames::add);
        a.flush(frames::add);
        float loudest = Float.NEGATIVE_INFINITY;
        for (Frame f : frames) {
            loudest = Math.max(loudest, f.energyDb());
        }
        int first = 0;
        int last = frames.size() - 1;
        while (first < last && frames.get(first).energyDb() < loudest - 25) {
            first++;
        }
        while (last > first && frames.get(last).energyDb() < loudest - 25) {
            last--;
        }
        float[][] raw = new float[last - first + 1][];
        for (int i = first; i <= last; i++) {
            raw[i - first] = cepstrum(frames.get(i));
        }
        return new KeywordTemplate(word, raw);
    }

    /**
     * Noise-robust cepstrum: the log mel energies are floored at {@value #FLOOR_DB} dB below the
     * frame's strongest band before the DCT, so background noise in the weak bands (and silence) maps
     * to the same flat floor for clean templates and noisy input alike; c0 (level) is dropped.
     */
    static float[] cepstrum(Frame f) {
        float[] logMel = f.logMel().clone();
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logMel) {
            max = Math.max(max, v);
        }
        float floor = max - (float) (FLOOR_DB * Math.log(10) / 10);
        for (int i = 0; i < logMel.length; i++) {
            logMel[i] = Math.max(logMel[i], floor);
        }
        float[] c = FrameAnalyzer.cepstrum(logMel, COEFFS + 1);
        return java.util.Arrays.copyOfRange(c, 1, COEFFS + 1);
    }

    /** Removes the per-coefficient mean (cepstral mean normalisation: the microphone's colouring). */
    static float[][] normalise(float[][] x) {
        float[] mean = new float[COEFFS];
        for (float[] v : x) {
            for (int k = 0; k < COEFFS; k++) {
                mean[k] += v[k] / x.length;
            }
        }
        float[][] out = new float[x.length][COEFFS];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < COEFFS; k++) {
                out[i][k] = x[i][k] - mean[k];
            }
        }
        return out;
    }
}
