package dev.voicebot.speech.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Summarises the frames of one utterance into a {@link Prosody}. Pitch uses confident YIN frames
 * with octave jumps removed; the speaking rate counts syllable nuclei the way de Jong &amp; Wempe
 * (2009) do: peaks of the smoothed voicing/formant-band intensity that stand out by a dip of at least
 * 2 dB from the previous peak, lie within 25 dB of the loudest and above the noise, and are voiced.
 */
public final class ProsodyAnalyzer {
    private static final float MIN_PITCH_PROBABILITY = 0.7f;
    private static final double MIN_DIP_DB = 2.0;

    private ProsodyAnalyzer() {
    }

    /**
     * @param frames       the utterance's frames, in order
     * @param speech       per frame, whether voice activity detection called it speech
     * @param noiseFloorDb the full-band noise floor at the end of the utterance
     */
    public static Prosody summarize(List<Frame> frames, boolean[] speech, double noiseFloorDb) {
        int n = frames.size();
        if (n == 0) {
            return new Prosody(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        // pitch
        List<Double> pitches = new ArrayList<>();
        boolean[] voiced = new boolean[n];
        for (int i = 0; i < n; i++) {
            Frame f = frames.get(i);
            if (f.pitched() && f.pitchProbability() >= MIN_PITCH_PROBABILITY && f.pitchHz() >= 60 && f.pitchHz() <= 500) {
                pitches.add((double) f.pitchHz());
                voiced[i] = true;
            }
        }
        double[] p = pitches.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double pitchMean = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        if (p.length >= 3) {
            double median = p[p.length / 2];
            double[] kept = Arrays.stream(p).filter(v -> v > median / 1.8 && v < median * 1.8).toArray();
            pitchMean = Arrays.stream(kept).average().orElse(Double.NaN);
            low = percentile(kept, 0.1);
            high = percentile(kept, 0.9);
        }
        double semitones = low > 0 ? 12 * Math.log(high / low) / Math.log(2) : Double.NaN;

        // energy over speech frames
        double[] levels = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (speech[i]) {
                levels[m++] = frames.get(i).energyDb();
            }
        }
        double[] speechLevels = Arrays.copyOf(levels, m);
        Arrays.sort(speechLevels);
        double energyMean = m == 0 ? Double.NaN : 10 * Math.log10(Arrays.stream(speechLevels).map(d -> Math.pow(10, d / 10)).average().orElse(0));
        double energyRange = m == 0 ? Double.NaN : percentile(speechLevels, 0.9) - percentile(speechLevels, 0.1);

        int syllables = countNuclei(frames, voiced, noiseFloorDb);
        double seconds = n * Frame.HOP_MS / 1000.0;
        return new Prosody(pitchMean, low, high, semitones, energyMean, energyRange, syllables,
                syllables / seconds, (double) pitches.size() / n);
    }

    private static int countNuclei(List<Frame> frames, boolean[] voiced, double noiseFloorDb) {
        int n = frames.size();
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            float[] b = frames.get(i).bandEnergyDb();
            raw[i] = 10 * Math.log10(Math.pow(10, b[0] / 10) + Math.pow(10, b[1] / 10));
        }
        double[] env = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double s = 0;
            int c = 0;
            for (int k = Math.max(0, i - 2); k <= Math.min(n - 1, i + 2); k++) {
                s += raw[k];
                c++;
            }
            env[i] = s / c;
            max = Math.max(max, env[i]);
        }
        double threshold = Math.max(max - 25, noiseFloorDb + 6);
        int count = 0;
        double lastPeak = Double.NaN;
        double dipSince = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            dipSince = Math.min(dipSince, env[i]);
            boolean peak = (i == 0 || env[i] >= env[i - 1]) && (i == n - 1 || env[i] > env[i + 1]);
            if (!peak || env[i] < threshold || !voicedNear(voiced, i, 3)) {
                continue;
            }
            if (Double.isNaN(lastPeak) || (lastPeak - dipSince >= MIN_DIP_DB && env[i] - dipSince >= MIN_DIP_DB)) {
                count++;
                lastPeak = env[i];
                dipSince = env[i];
            } else if (env[i] > lastPeak) {
                lastPeak = env[i]; // same nucleus, higher top
                dipSince = env[i];
            }
        }
        return count;
    }

    private static boolean voicedNear(boolean[] voiced, int i, int radius) {
        for (int k = Math.max(0, i - radius); k <= Math.min(voiced.length - 1, i + radius); k++) {
            if (voiced[k]) {
                return true;
            }
        }
        return false;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
