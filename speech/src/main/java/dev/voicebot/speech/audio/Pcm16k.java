package dev.voicebot.speech.audio;

/** The one internal audio format of the speech module: 16 kHz mono float samples in [-1, 1]. */
public final class Pcm16k {
    public static final int SAMPLE_RATE = 16_000;
    public static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;

    private Pcm16k() {
    }

    public static long samplesToMs(long samples) {
        return samples * 1000 / SAMPLE_RATE;
    }

    public static int msToSamples(long ms) {
        return Math.toIntExact(ms * SAMPLES_PER_MS);
    }
}
