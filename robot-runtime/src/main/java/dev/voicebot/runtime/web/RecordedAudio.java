package dev.voicebot.runtime.web;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.speech.audio.AudioSource;

/** A recording already in memory (16 kHz mono, [-1, 1]) as an audio source, with a little silence after it so the endpointer can close the utterance. */
public final class RecordedAudio implements AudioSource {
    private static final int TAIL_SAMPLES = 16_000 * 8 / 10;

    private final float[] samples;
    private final String name;
    private int position;
    private boolean closed;

    public RecordedAudio(float[] samples, String name) {
        this.samples = ensureNotNull(samples, "samples").clone();
        this.name = ensureNotBlank(name, "name");
    }

    /** From 16-bit little-endian PCM bytes. */
    public static RecordedAudio ofPcm16le(byte[] pcm, String name) {
        float[] out = new float[pcm.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) / 32768f;
        }
        return new RecordedAudio(out, name);
    }

    /** Seconds of recorded audio (without the silence after it). */
    public double seconds() {
        return samples.length / 16_000.0;
    }

    @Override
    public synchronized int read(float[] buffer) {
        int total = samples.length + TAIL_SAMPLES;
        if (closed || position >= total) {
            return -1;
        }
        int n = Math.min(buffer.length, total - position);
        for (int i = 0; i < n; i++) {
            int p = position + i;
            buffer[i] = p < samples.length ? samples[p] : 0f;
        }
        position += n;
        return n;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
