package dev.voicebot.speech.features;

import be.tarsos.dsp.mfcc.MFCC;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;
import dev.voicebot.speech.audio.Pcm16k;
import java.util.function.Consumer;

/**
 * The TarsosDSP feature chain: for every 10 ms hop of a 16 kHz stream, energy (full band and three
 * bands), MFCC and YIN pitch on a 512-sample (32 ms) window centred on the hop. Streaming: feed any
 * chunk sizes; a frame is emitted once its window is complete (21 ms after its hop starts). Samples
 * before the stream start count as silence. Not thread-safe.
 */
public final class FrameAnalyzer {
    public static final int HOP = Pcm16k.SAMPLE_RATE / 100;
    public static final int WINDOW = 512;
    private static final int LEAD = WINDOW / 2 - HOP / 2; // samples of the window before the hop
    private static final int[][] BAND_BINS = {bins(100, 900), bins(900, 3_500), bins(3_500, 7_500)};
    private static final double SILENCE = 1e-10;

    private final MFCC mfcc = new MFCC(WINDOW, Pcm16k.SAMPLE_RATE, 13, 40, 100, 7_600);

    /** The DCT TarsosDSP uses for MFCC, for callers that transform their own log mel energies. */
    public static float[] cepstrum(float[] logMel, int coefficients) {
        float[] c = new float[coefficients];
        for (int i = 0; i < coefficients; i++) {
            double s = 0;
            for (int j = 0; j < logMel.length; j++) {
                s += logMel[j] * Math.cos(Math.PI * i / logMel.length * (j + 0.5));
            }
            c[i] = (float) s;
        }
        return c;
    }
    private final Yin yin = new Yin(Pcm16k.SAMPLE_RATE, WINDOW);
    private final float[] ring = new float[WINDOW];
    private final float[] window = new float[WINDOW];
    private long received;      // samples received so far
    private long nextFrame;     // index of the next frame to emit

    /** Feeds samples; calls {@code sink} for every frame completed by them, in order. */
    public void accept(float[] samples, int offset, int length, Consumer<Frame> sink) {
        for (int i = 0; i < length; i++) {
            ring[(int) (received % WINDOW)] = samples[offset + i];
            received++;
            // frame k's window is [k*HOP - LEAD, k*HOP - LEAD + WINDOW)
            if (received == nextFrame * HOP - LEAD + WINDOW) {
                sink.accept(analyse(nextFrame));
                nextFrame++;
            }
        }
    }

    /** Emits the frames still waiting for their window's tail, padding with silence (end of stream). */
    public void flush(Consumer<Frame> sink) {
        long end = received;
        while (nextFrame * HOP < end) {
            ring[(int) (received % WINDOW)] = 0f;
            received++;
            if (received == nextFrame * HOP - LEAD + WINDOW) {
                sink.accept(analyse(nextFrame));
                nextFrame++;
            }
        }
    }

    /** Index of the next frame that will be emitted. */
    public long nextFrameIndex() {
        return nextFrame;
    }

    private Frame analyse(long index) {
        long start = index * HOP - LEAD;
        double sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            long abs = start + i;
            float v = abs < 0 ? 0f : ring[(int) (abs % WINDOW)];
            window[i] = v;
            sum += v * v;
        }
        float energyDb = (float) (10 * Math.log10(sum / WINDOW + SILENCE));

        PitchDetectionResult pitch = yin.getPitch(window.clone());
        float hz = pitch.isPitched() ? pitch.getPitch() : -1f;
        float probability = pitch.isPitched() ? pitch.getProbability() : 0f;

        float[] magnitude = mfcc.magnitudeSpectrum(window.clone());
        float[] bands = new float[BAND_BINS.length];
        for (int b = 0; b < BAND_BINS.length; b++) {
            double p = 0;
            for (int k = BAND_BINS[b][0]; k < BAND_BINS[b][1]; k++) {
                p += (double) magnitude[k] * magnitude[k];
            }
            // normalise so that a band's dB is comparable to energyDb (Hamming window, one-sided spectrum)
            bands[b] = (float) (10 * Math.log10(2 * p / (WINDOW * WINDOW * 0.397) + SILENCE));
        }
        float[] mel = mfcc.melFilter(magnitude, mfcc.getCenterFrequencies());
        float[] logMel = mfcc.nonLinearTransformation(mel);
        float[] cepstrum = mfcc.cepCoefficients(logMel);
        return new Frame(index, energyDb, bands, cepstrum, logMel, hz, probability);
    }

    private static int[] bins(int loHz, int hiHz) {
        return new int[] {Math.round(loHz * (float) WINDOW / Pcm16k.SAMPLE_RATE), Math.round(hiHz * (float) WINDOW / Pcm16k.SAMPLE_RATE)};
    }
}
