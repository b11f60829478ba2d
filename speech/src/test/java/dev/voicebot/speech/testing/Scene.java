package dev.voicebot.speech.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A test recording built from clips placed at known times over silence or noise at a chosen SNR.
 * The placements are the ground truth for endpoint tests.
 */
public final class Scene {
    public static final int RATE = 16_000;

    /** Where a clip was placed, in ms. */
    public record Placement(long startMs, long endMs) {
    }

    private final float[] speech;
    private final List<Placement> placements = new ArrayList<>();

    public Scene(double seconds) {
        this.speech = new float[(int) Math.round(seconds * RATE)];
    }

    /** Places {@code clip} starting at {@code startMs}. */
    public Scene place(float[] clip, long startMs) {
        int at = (int) (startMs * RATE / 1000);
        if (at + clip.length > speech.length) {
            throw new IllegalArgumentException("clip does not fit the scene");
        }
        Signals.mixInto(speech, clip, at);
        placements.add(new Placement(startMs, startMs + clip.length * 1000L / RATE));
        return this;
    }

    public List<Placement> placements() {
        return List.copyOf(placements);
    }

    /** The speech over digital silence. */
    public float[] clean() {
        return speech.clone();
    }

    /**
     * The speech plus noise. SNR is the power of the speech while it sounds (inside the placements)
     * over the power of the noise.
     */
    public float[] withNoise(float[] noise, double snrDb) {
        if (noise.length < speech.length) {
            throw new IllegalArgumentException("noise shorter than the scene");
        }
        double speechPower = 0;
        long n = 0;
        for (Placement p : placements) {
            int a = (int) (p.startMs() * RATE / 1000);
            int b = (int) (p.endMs() * RATE / 1000);
            for (int i = a; i < b; i++) {
                speechPower += (double) speech[i] * speech[i];
            }
            n += b - a;
        }
        speechPower /= Math.max(1, n);
        double noisePower = 0;
        for (int i = 0; i < speech.length; i++) {
            noisePower += (double) noise[i] * noise[i];
        }
        noisePower /= speech.length;
        double gain = Math.sqrt(speechPower / noisePower / Math.pow(10, snrDb / 10));
        float[] out = new float[speech.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (speech[i] + noise[i] * gain);
        }
        return out;
    }
}
