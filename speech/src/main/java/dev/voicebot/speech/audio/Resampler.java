package dev.voicebot.speech.audio;

import static dev.voicebot.config.Checks.ensureRange;

import java.util.Arrays;

/**
 * Streaming band-limited sample-rate converter (windowed-sinc interpolation with a Kaiser window,
 * after J. O. Smith's "bandlimited interpolation"). For every output instant the input is convolved
 * with a sinc whose cutoff is the lower of the two Nyquist frequencies, so downsampling removes
 * everything above the new Nyquist before it can alias (stopband below -80 dB) while the passband
 * (up to about 0.4 x the lower rate) keeps its amplitude within 0.1 dB.
 *
 * <p>The kernel is tabulated at {@value #TABLE_RESOLUTION} points per input sample and linearly
 * interpolated, which works for any rate pair. Output sample {@code n} is aligned with input time
 * {@code n * inRate / outRate}: there is no delay. Not thread-safe; one instance per stream.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 24;
    private static final double ROLLOFF = 0.9;
    private static final double KAISER_BETA = 9.0;
    private static final int TABLE_RESOLUTION = 512;

    private final int inRate;
    private final int outRate;
    private final long step;       // reduced inRate
    private final long outStep;    // reduced outRate
    private final boolean identity;
    private final int halfWidth;   // in input samples
    private final double cutoff;   // fraction of the input Nyquist
    private final float[] table;

    private float[] buffer = new float[0];
    private int bufferLength;
    private long bufferStart;      // absolute input index of buffer[0]
    private long inputCount;
    private long outputIndex;
    private boolean finished;

    public Resampler(int inRate, int outRate) {
        this.inRate = ensureRange(inRate, 1000, 384_000, "inRate");
        this.outRate = ensureRange(outRate, 1000, 384_000, "outRate");
        long g = gcd(inRate, outRate);
        this.step = inRate / g;
        this.outStep = outRate / g;
        this.identity = inRate == outRate;
        this.cutoff = Math.min(1.0, (double) outRate / inRate) * ROLLOFF;
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
        this.table = identity ? new float[0] : kernelTable(cutoff, halfWidth);
    }

    /** A converter to the internal 16 kHz rate. */
    public static Resampler to16k(int inRate) {
        return new Resampler(inRate, Pcm16k.SAMPLE_RATE);
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Converts a whole signal at once. */
    public static float[] convert(float[] samples, int inRate, int outRate) {
        Resampler r = new Resampler(inRate, outRate);
        float[] a = r.process(samples, 0, samples.length);
        float[] b = r.flush();
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Feeds input samples; returns the output samples that are now fully determined (possibly none). */
    public float[] process(float[] in, int offset, int length) {
        if (finished) {
            throw new IllegalStateException("resampler already flushed");
        }
        if (identity) {
            inputCount += length;
            return Arrays.copyOfRange(in, offset, offset + length);
        }
        append(in, offset, length);
        inputCount += length;
        return produce(false);
    }

    /** Ends the stream: returns the remaining output (the input is taken as zero beyond its end). */
    public float[] flush() {
        if (finished) {
            return new float[0];
        }
        finished = true;
        return identity ? new float[0] : produce(true);
    }

    private void append(float[] in, int offset, int length) {
        if (bufferLength + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(bufferLength + length, buffer.length * 2));
        }
        System.arraycopy(in, offset, buffer, bufferLength, length);
        bufferLength += length;
    }

    private float[] produce(boolean atEnd) {
        // Output n needs input up to floor(n*step/outStep) + halfWidth.
        long lastOutput;
        if (atEnd) {
            lastOutput = ceilDiv(inputCount * outStep, step) - 1;
        } else {
            long maxCentre = inputCount - 1 - halfWidth; // floor(t) may be at most this
            lastOutput = maxCentre < 0 ? -1 : ((maxCentre + 1) * outStep - 1) / step;
        }
        int count = (int) Math.max(0, lastOutput - outputIndex + 1);
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            long n = outputIndex + k;
            long num = n * step;
            long ip = num / outStep;
            double frac = (double) (num % outStep) / outStep;
            out[k] = (float) interpolate(ip, frac);
        }
        outputIndex += count;
        // Keep only the input still needed by the next output.
        long nextCentre = outputIndex * step / outStep;
        long keepFrom = Math.max(bufferStart, nextCentre - halfWidth);
        int drop = (int) Math.min(bufferLength, keepFrom - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
            bufferLength -= drop;
            bufferStart += drop;
        }
        return out;
    }

    private double interpolate(long ip, double frac) {
        double sum = 0;
        // Taps i in (t - W, t + W), t = ip + frac.
        long first = ip - halfWidth + 1;
        long last = ip + halfWidth;
        for (long i = first; i <= last; i++) {
            long idx = i - bufferStart;
            if (idx < 0 || idx >= bufferLength) {
                continue; // before the stream start or after its end: zero
            }
            double tau = Math.abs(ip + frac - i);
            sum += buffer[(int) idx] * kernel(tau);
        }
        return sum;
    }

    private double kernel(double tau) {
        double pos = tau * TABLE_RESOLUTION;
        int i = (int) pos;
        if (i + 1 >= table.length) {
            return 0;
        }
        double f = pos - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    private static float[] kernelTable(double cutoff, int halfWidth) {
        int n = halfWidth * TABLE_RESOLUTION + 2;
        float[] t = new float[n];
        double i0Beta = besselI0(KAISER_BETA);
        for (int k = 0; k < n; k++) {
            double tau = (double) k / TABLE_RESOLUTION;
            if (tau >= halfWidth) {
                t[k] = 0;
                continue;
            }
            double x = cutoff * tau;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            double r = tau / halfWidth;
            double w = besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            t[k] = (float) (cutoff * sinc * w);
        }
        return t;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 200; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
