package dev.voicebot.speech.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes WAV files in the layouts users have: 8/16/24/32-bit PCM, float, stereo, WAVE_FORMAT_EXTENSIBLE. */
public final class WavFiles {
    public enum Layout { PCM8, PCM16, PCM24, PCM32, FLOAT32, FLOAT64 }

    private WavFiles() {
    }

    /** Writes {@code channels} copies of {@code mono} (channel c scaled by 1/(c+1) when {@code distinct}). */
    public static Path write(Path file, float[] mono, int rate, int channels, Layout layout, boolean extensible) throws IOException {
        int bits = switch (layout) {
            case PCM8 -> 8;
            case PCM16 -> 16;
            case PCM24 -> 24;
            case PCM32, FLOAT32 -> 32;
            case FLOAT64 -> 64;
        };
        boolean isFloat = layout == Layout.FLOAT32 || layout == Layout.FLOAT64;
        int block = bits / 8 * channels;
        int dataBytes = mono.length * block;
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + 26 + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize);
        b.putShort((short) (extensible ? 0xFFFE : isFloat ? 3 : 1)).putShort((short) channels).putInt(rate)
                .putInt(rate * block).putShort((short) block).putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(channels == 1 ? 0x4 : 0x3);
            b.putShort((short) (isFloat ? 3 : 1));
            b.put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        }
        // an odd-sized LIST chunk before the data, as many editors write
        b.put(ascii("LIST")).putInt(25).put(ascii("INFOISFT")).putInt(13).put(ascii("test writer\0\0")).put((byte) 0);
        b.put(ascii("data")).putInt(dataBytes);
        for (float s : mono) {
            for (int c = 0; c < channels; c++) {
                double v = Math.max(-1, Math.min(1, s));
                switch (layout) {
                    case PCM8 -> b.put((byte) (Math.round(v * 127) + 128));
                    case PCM16 -> b.putShort((short) Math.round(v * 32767));
                    case PCM24 -> {
                        int i = (int) Math.round(v * 8_388_607);
                        b.put((byte) i).put((byte) (i >> 8)).put((byte) (i >> 16));
                    }
                    case PCM32 -> b.putInt((int) Math.round(v * 2_147_483_647.0));
                    case FLOAT32 -> b.putFloat((float) v);
                    case FLOAT64 -> b.putDouble(v);
                }
            }
        }
        Files.write(file, b.array());
        return file;
    }

    public static Path pcm16(Path file, float[] mono, int rate) throws IOException {
        return write(file, mono, rate, 1, Layout.PCM16, false);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
