package dev.voicebot.speech.audio;

import dev.voicebot.speech.AudioFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The parsed RIFF/WAVE header of a file: its {@link WavFormat} and where the samples are. Accepts
 * PCM (format tag 1), IEEE float (3) and WAVE_FORMAT_EXTENSIBLE (0xFFFE) wrapping either; skips
 * unknown chunks (LIST, fact, cue ...). A data chunk longer than the file is "truncated", unless
 * the header carries the placeholder sizes streaming writers use (0 or 0xFFFFFFFF), in which case
 * the samples run to the end of the file.
 *
 * @param dataOffset  byte offset of the first sample
 * @param dataLength  bytes of sample data that are actually present, a whole number of frames
 */
public record WavHeader(WavFormat format, long dataOffset, long dataLength) {
    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long PLACEHOLDER = 0xFFFF_FFFFL;
    /** The 14 bytes after the format code in a KSDATAFORMAT_SUBTYPE GUID. */
    private static final byte[] GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
        (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    public long frames() {
        return dataLength / format.blockAlign();
    }

    public long durationMs() {
        return frames() * 1000 / format.sampleRate();
    }

    /** Reads the header from the channel's start; leaves the position at the first sample. */
    public static WavHeader read(SeekableByteChannel ch, Path file) throws IOException {
        long fileSize = ch.size();
        if (fileSize < 12) {
            ByteBuffer start = readExactly(ch, (int) fileSize, file, "the RIFF header");
            byte[] riffPrefix = "RIFF".getBytes(StandardCharsets.ISO_8859_1);
            boolean looksLikeRiff = fileSize > 0;
            for (int i = 0; i < Math.min(4, fileSize); i++) {
                looksLikeRiff &= start.get(i) == riffPrefix[i];
            }
            throw new AudioFileException(file, fileSize == 0 ? "empty file (0 bytes), not a WAV file"
                    : looksLikeRiff ? "truncated file: it ends inside the RIFF header (" + fileSize + " of 12 bytes)"
                    : "not a WAV file (expected a RIFF/WAVE header, found " + printable(start, (int) fileSize) + ")");
        }
        ByteBuffer head = readExactly(ch, 12, file, "the RIFF header");
        String riff = fourCc(head, 0);
        if (riff.equals("RIFX")) {
            throw new AudioFileException(file, "unsupported WAV: big-endian RIFX files are not supported; convert to little-endian PCM");
        }
        if (riff.equals("RF64")) {
            throw new AudioFileException(file, "unsupported WAV: RF64 (files over 4 GB) is not supported");
        }
        if (!riff.equals("RIFF") || !fourCc(head, 8).equals("WAVE")) {
            throw new AudioFileException(file, "not a WAV file (expected a RIFF/WAVE header, found " + printable(head, 12) + ")");
        }
        long riffSize = Integer.toUnsignedLong(head.getInt(4));
        boolean streamed = riffSize == 0 || riffSize == PLACEHOLDER;

        WavFormat format = null;
        long pos = 12;
        while (true) {
            if (pos + 8 > fileSize) {
                throw new AudioFileException(file, format == null ? "no fmt chunk (the file ends after " + pos + " bytes)"
                        : "no data chunk (the file ends after " + pos + " bytes)");
            }
            ch.position(pos);
            ByteBuffer chunk = readExactly(ch, 8, file, "a chunk header");
            String id = fourCc(chunk, 0);
            long size = Integer.toUnsignedLong(chunk.getInt(4));
            long body = pos + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new AudioFileException(file, "corrupt fmt chunk (size " + size + " bytes, expected 16 to 40)");
                }
                if (body + size > fileSize) {
                    throw new AudioFileException(file, "truncated fmt chunk (expected " + size + " bytes, found " + (fileSize - body) + ")");
                }
                format = parseFormat(readExactly(ch, (int) size, file, "the fmt chunk"), file);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioFileException(file, "corrupt WAV: data chunk before the fmt chunk");
                }
                long available = fileSize - body;
                long length;
                if (size == PLACEHOLDER || size == 0 && available > 0 && streamed) {
                    length = available; // written by a streaming writer that could not seek back
                } else if (size > available) {
                    throw new AudioFileException(file, "truncated data chunk (expected " + size + " bytes, found " + available + ")");
                } else {
                    length = size;
                }
                long whole = length - length % format.blockAlign();
                ch.position(body);
                return new WavHeader(format, body, whole);
            }
            pos = body + size + (size & 1); // chunks are word-aligned
        }
    }

    private static WavFormat parseFormat(ByteBuffer b, Path file) {
        int tag = Short.toUnsignedInt(b.getShort(0));
        int channels = Short.toUnsignedInt(b.getShort(2));
        long sampleRate = Integer.toUnsignedLong(b.getInt(4));
        int blockAlign = Short.toUnsignedInt(b.getShort(12));
        int bits = Short.toUnsignedInt(b.getShort(14));
        int validBits = bits;
        if (tag == FORMAT_EXTENSIBLE) {
            if (b.capacity() < 40) {
                throw new AudioFileException(file, "corrupt WAVE_FORMAT_EXTENSIBLE fmt chunk (" + b.capacity() + " bytes, expected 40)");
            }
            int declaredValid = Short.toUnsignedInt(b.getShort(18));
            validBits = declaredValid == 0 ? bits : declaredValid;
            tag = Short.toUnsignedInt(b.getShort(24));
            for (int i = 0; i < GUID_TAIL.length; i++) {
                if (b.get(26 + i) != GUID_TAIL[i]) {
                    throw new AudioFileException(file, "unsupported WAV: WAVE_FORMAT_EXTENSIBLE with a non-standard sub-format GUID");
                }
            }
        }
        WavFormat.Encoding encoding;
        if (tag == FORMAT_PCM) {
            encoding = WavFormat.Encoding.PCM;
            if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new AudioFileException(file, "unsupported WAV: " + bits + "-bit PCM (supported: 8, 16, 24, 32)");
            }
        } else if (tag == FORMAT_FLOAT) {
            encoding = WavFormat.Encoding.FLOAT;
            if (bits != 32 && bits != 64) {
                throw new AudioFileException(file, "unsupported WAV: " + bits + "-bit float (supported: 32, 64)");
            }
        } else {
            throw new AudioFileException(file, "unsupported WAV encoding: format tag 0x" + String.format("%04X", tag)
                    + " (" + tagName(tag) + "); convert to PCM or float, e.g. sox in.wav -e signed -b 16 out.wav");
        }
        if (channels < 1 || channels > 8) {
            throw new AudioFileException(file, "unsupported WAV: " + channels + " channels (supported: 1 to 8)");
        }
        if (sampleRate < 8_000 || sampleRate > 192_000) {
            throw new AudioFileException(file, "unsupported WAV: sample rate " + sampleRate + " Hz (supported: 8000 to 192000)");
        }
        if (validBits < 1 || validBits > bits) {
            throw new AudioFileException(file, "corrupt fmt chunk: " + validBits + " valid bits in a " + bits + "-bit sample");
        }
        WavFormat format = new WavFormat(encoding, channels, (int) sampleRate, bits, validBits);
        if (blockAlign != format.blockAlign()) {
            throw new AudioFileException(file, "corrupt fmt chunk: block align " + blockAlign + " does not match "
                    + channels + " channels of " + bits + " bits (expected " + format.blockAlign() + ")");
        }
        return format;
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0055 -> "MP3";
            default -> "unknown";
        };
    }

    private static ByteBuffer readExactly(SeekableByteChannel ch, int n, Path file, String what) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new AudioFileException(file, "truncated file: it ends inside " + what + " (" + b.position() + " of " + n + " bytes)");
            }
        }
        b.flip();
        return b;
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = b.get(at + i);
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static String printable(ByteBuffer b, int n) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < Math.min(n, b.limit()); i++) {
            int c = b.get(i) & 0xFF;
            sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append('\'').toString();
    }
}
