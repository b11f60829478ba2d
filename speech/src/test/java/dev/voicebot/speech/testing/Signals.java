package dev.voicebot.speech.testing;

import java.util.Random;

/** Deterministic test signals and measurements on 16 kHz (or any rate) float audio. */
public final class Signals {
    private Signals() {
    }

    public static float[] tone(double hz, double amplitude, double seconds, int rate) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    public static float[] silence(double seconds, int rate) {
        return new float[(int) Math.round(seconds * rate)];
    }

    /** White Gaussian noise with the given RMS. */
    public static float[] whiteNoise(double rms, double seconds, int rate, long seed) {
        Random r = new Random(seed);
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * rms);
        }
        return x;
    }

    /** Pink-ish noise (white noise through a one-pole low-pass), normalised to the given RMS: a fan or room hum. */
    public static float[] brownishNoise(double rms, double seconds, int rate, long seed) {
        float[] w = whiteNoise(1, seconds, rate, seed);
        double y = 0;
        for (int i = 0; i < w.length; i++) {
            y = 0.97 * y + 0.03 * w[i];
            w[i] = (float) y;
        }
        return scaleToRms(w, rms);
    }

    public static float[] scaleToRms(float[] x, double rms) {
        double current = rms(x, 0, x.length);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) (x[i] * rms / current);
        }
        return out;
    }

    public static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / Math.max(1, to - from));
    }

    public static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** Amplitude of the component at {@code hz} (Goertzel over the range), for a sine of amplitude A returns about A. */
    public static double amplitudeAt(float[] x, int from, int to, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            re += x[i] * Math.cos(w * i);
            im -= x[i] * Math.sin(w * i);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }

    /** The strongest frequency between lo and hi Hz, scanned in 1 Hz steps. */
    public static double peakFrequency(float[] x, int from, int to, double lo, double hi, int rate) {
        double best = lo;
        double bestA = -1;
        for (double f = lo; f <= hi; f += 1) {
            double a = amplitudeAt(x, from, to, f, rate);
            if (a > bestA) {
                bestA = a;
                best = f;
            }
        }
        return best;
    }

    /** Adds {@code clip} into {@code into} starting at sample {@code at}. */
    public static void mixInto(float[] into, float[] clip, int at) {
        for (int i = 0; i < clip.length && at + i < into.length; i++) {
            into[at + i] += clip[i];
        }
    }

    public static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
