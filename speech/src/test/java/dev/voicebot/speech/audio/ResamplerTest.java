package dev.voicebot.speech.audio;

import static dev.voicebot.speech.testing.Signals.amplitudeAt;
import static dev.voicebot.speech.testing.Signals.db;
import static dev.voicebot.speech.testing.Signals.peakFrequency;
import static dev.voicebot.speech.testing.Signals.rms;
import static dev.voicebot.speech.testing.Signals.tone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100, 32_000, 24_000, 22_050})
    void toneAboveTheNewNyquistIsRemovedByAtLeast40Db(int rate) {
        // 8 kHz is the new Nyquist; these tones would alias to 7 kHz / 4.5 kHz / 3 kHz without filtering
        for (double hz : new double[] {9_000, 11_500, 0.48 * rate}) {
            if (hz >= rate / 2.0) {
                continue;
            }
            float[] in = tone(hz, 0.5, 1.0, rate);
            float[] out = Resampler.convert(in, rate, 16_000);
            int edge = 800; // skip the filter's start and end transients
            double attenuation = db(rms(out, edge, out.length - edge) / rms(in, 0, in.length));
            assertTrue(attenuation <= -40, rate + " Hz: " + hz + " Hz tone only attenuated " + attenuation + " dB");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {48_000, 44_100, 22_050, 11_025, 8_000})
    void inBandToneKeepsAmplitudeAndFrequency(int rate) {
        for (double hz : new double[] {440, 1_000, 3_000}) {
            if (hz >= 0.4 * Math.min(rate, 16_000)) {
                continue;
            }
            float[] out = Resampler.convert(tone(hz, 0.5, 1.0, rate), rate, 16_000);
            assertEquals(16_000, out.length, 1);
            int edge = 800;
            double amplitude = amplitudeAt(out, edge, out.length - edge, hz, 16_000);
            assertEquals(0.5, amplitude, 0.5 * 0.012, rate + " Hz, " + hz + " Hz tone amplitude"); // within 0.1 dB
            assertEquals(hz, peakFrequency(out, edge, out.length - edge, hz - 20, hz + 20, 16_000), 1.0);
        }
    }

    @Test
    void upsamplingCreatesNoImages() {
        float[] out = Resampler.convert(tone(3_000, 0.5, 1.0, 8_000), 8_000, 16_000);
        // the image of 3 kHz at 8 kHz sampling would appear at 5 kHz
        assertTrue(db(amplitudeAt(out, 800, out.length - 800, 5_000, 16_000) / 0.5) < -60);
    }

    @Test
    void streamingInOddChunksEqualsOneShotAndKeepsTiming() {
        float[] in = Signals.whiteNoise(0.2, 0.7, 44_100, 7);
        in[22_050] = 1f; // an impulse at 0.5 s
        float[] whole = Resampler.convert(in, 44_100, 16_000);
        Resampler r = new Resampler(44_100, 16_000);
        float[] streamed = new float[0];
        int at = 0;
        int[] sizes = {1, 7, 333, 1000, 4096, 17};
        for (int k = 0; at < in.length; k++) {
            int n = Math.min(sizes[k % sizes.length], in.length - at);
            streamed = Signals.concat(streamed, r.process(in, at, n));
            at += n;
        }
        streamed = Signals.concat(streamed, r.flush());
        assertArrayEquals(whole, streamed, 1e-6f);
        assertEquals((int) Math.ceil(in.length * 16_000.0 / 44_100), whole.length);
    }

    @Test
    void impulseStaysAtItsTime() {
        float[] in = new float[48_000];
        in[24_000] = 1f;
        float[] out = Resampler.convert(in, 48_000, 16_000);
        int peak = 0;
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        assertEquals(8_000, peak);
    }
}
