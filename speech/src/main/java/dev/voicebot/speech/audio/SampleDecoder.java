package dev.voicebot.speech.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Turns little-endian interleaved frames of a {@link WavFormat} into mono floats (channels averaged). */
final class SampleDecoder {
    private final WavFormat format;

    SampleDecoder(WavFormat format) {
        this.format = format;
    }

    /** Decodes {@code frames} whole frames from {@code src} (starting at its position) into {@code dst}. */
    void decodeMono(ByteBuffer src, int frames, float[] dst) {
        ByteBuffer b = src.order(ByteOrder.LITTLE_ENDIAN);
        int channels = format.channels();
        float scale = 1f / channels;
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += sample(b);
            }
            dst[f] = sum * scale;
        }
    }

    private float sample(ByteBuffer b) {
        if (format.encoding() == WavFormat.Encoding.FLOAT) {
            double v = format.containerBits() == 32 ? b.getFloat() : b.getDouble();
            if (!Double.isFinite(v)) {
                return 0f; // NaN/Inf in a float file: treat as silence rather than poisoning every filter
            }
            return (float) Math.max(-1.0, Math.min(1.0, v));
        }
        return switch (format.containerBits()) {
            case 8 -> ((b.get() & 0xFF) - 128) / 128f;
            case 16 -> b.getShort() / 32768f;
            case 24 -> {
                int lo = b.get() & 0xFF;
                int mid = b.get() & 0xFF;
                int hi = b.get();
                yield ((hi << 16) | (mid << 8) | lo) / 8_388_608f;
            }
            default -> (float) (b.getInt() / 2_147_483_648.0);
        };
    }
}
