package dev.voicebot.speech.audio;

import dev.voicebot.speech.AudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a WAV file as 16 kHz mono. The header is checked when the source is opened, so a corrupt,
 * truncated or unsupported file fails before any audio is delivered, with an
 * {@link AudioFileException} naming the file and the problem.
 */
public final class WavFileSource extends ConvertingSource {
    private static final int CHUNK_FRAMES = 4096;

    private final Path file;
    private final FileChannel channel;
    private final WavHeader header;
    private final SampleDecoder decoder;
    private final ByteBuffer bytes;
    private long remaining;
    private boolean closed;

    private WavFileSource(Path file, FileChannel channel, WavHeader header) {
        super(header.format().sampleRate(), CHUNK_FRAMES);
        this.file = file;
        this.channel = channel;
        this.header = header;
        this.decoder = new SampleDecoder(header.format());
        this.bytes = ByteBuffer.allocate(CHUNK_FRAMES * header.format().blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
        this.remaining = header.dataLength();
    }

    /** Opens and checks the file. */
    public static WavFileSource open(Path file) {
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a directory, not a WAV file");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "permission denied", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot open: " + e, e);
        }
        try {
            return new WavFileSource(file, ch, WavHeader.read(ch, file));
        } catch (IOException e) {
            closeQuietly(ch);
            throw new AudioFileException(file, "cannot read: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Reads a whole WAV file as 16 kHz mono samples. */
    public static float[] readAll(Path file) {
        try (WavFileSource source = open(file)) {
            return AudioSources.readFully(source);
        }
    }

    public WavHeader header() {
        return header;
    }

    @Override
    protected int readNative(float[] mono) {
        if (closed || remaining <= 0) {
            return -1;
        }
        int block = header.format().blockAlign();
        int frames = (int) Math.min(mono.length, remaining / block);
        bytes.clear().limit(frames * block);
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    throw new AudioFileException(file, "truncated data chunk (the file shrank while being read)");
                }
            }
        } catch (IOException e) {
            throw new AudioFileException(file, "read failed: " + e, e);
        }
        bytes.flip();
        decoder.decodeMono(bytes, frames, mono);
        remaining -= (long) frames * block;
        return frames;
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }
}
