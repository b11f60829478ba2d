package dev.voicebot.speech.audio;

import static dev.voicebot.config.Checks.ensureNotNull;
import static dev.voicebot.config.Checks.ensureRange;

import dev.voicebot.speech.AudioFileException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Raw signed 16-bit little-endian PCM from a stream, for example {@code stdin}
 * ({@code arecord -f S16_LE -r 16000 -c 1 | robot run --input -}). Default layout: 16 kHz mono;
 * other rates and channel counts are converted. A trailing partial frame is ignored.
 */
public final class PcmStreamSource extends ConvertingSource {
    private final InputStream in;
    private final String name;
    private final int channels;
    private final boolean closeStream;
    private final byte[] bytes;
    private int carried;
    private volatile boolean closed;

    /** 16 kHz mono s16le. */
    public PcmStreamSource(InputStream in, String name, boolean closeStream) {
        this(in, name, Pcm16k.SAMPLE_RATE, 1, closeStream);
    }

    public PcmStreamSource(InputStream in, String name, int sampleRate, int channels, boolean closeStream) {
        super(ensureRange(sampleRate, 8_000, 192_000, "sampleRate"), 2048);
        this.in = ensureNotNull(in, "in");
        this.name = ensureNotNull(name, "name");
        this.channels = ensureRange(channels, 1, 8, "channels");
        this.closeStream = closeStream;
        this.bytes = new byte[2048 * 2 * channels];
    }

    @Override
    protected int readNative(float[] mono) {
        if (closed) {
            return -1;
        }
        int frameBytes = 2 * channels;
        int n;
        try {
            n = in.read(bytes, carried, bytes.length - carried);
        } catch (IOException e) {
            if (closed) {
                return -1;
            }
            throw new AudioFileException(name, "read failed: " + e, e);
        }
        if (n < 0) {
            return -1;
        }
        int total = carried + n;
        int frames = Math.min(total / frameBytes, mono.length);
        for (int f = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                int i = f * frameBytes + c * 2;
                sum += (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8)) / 32768f;
            }
            mono[f] = sum / channels;
        }
        int used = frames * frameBytes;
        carried = total - used;
        System.arraycopy(bytes, used, bytes, 0, carried);
        return frames;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (closeStream) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the stream is finished with either way
            }
        }
    }
}
