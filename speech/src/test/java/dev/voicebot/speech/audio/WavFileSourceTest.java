package dev.voicebot.speech.audio;

import static dev.voicebot.speech.testing.Signals.amplitudeAt;
import static dev.voicebot.speech.testing.Signals.peakFrequency;
import static dev.voicebot.speech.testing.Signals.tone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.AudioFileException;
import dev.voicebot.speech.testing.WavFiles;
import dev.voicebot.speech.testing.WavFiles.Layout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavFileSourceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz {1} ch {2} extensible={3}")
    @CsvSource({
        "16000, 1, PCM16, false",
        "8000, 1, PCM8, false",
        "22050, 1, PCM16, false",
        "44100, 2, PCM16, false",
        "48000, 2, PCM24, false",
        "48000, 1, PCM24, true",
        "32000, 2, PCM32, false",
        "44100, 1, FLOAT32, false",
        "48000, 2, FLOAT32, true",
        "24000, 1, FLOAT64, false",
        "11025, 2, PCM16, true",
    })
    void everyCommonLayoutBecomes16kMonoWithTheSameTone(int rate, int channels, Layout layout, boolean extensible) throws IOException {
        Path f = WavFiles.write(dir.resolve("t.wav"), tone(1_000, 0.5, 1.0, rate), rate, channels, layout, extensible);
        float[] x = WavFileSource.readAll(f);
        assertEquals(16_000, x.length, 1);
        double tolerance = layout == Layout.PCM8 ? 0.02 : 0.01;
        assertEquals(0.5, amplitudeAt(x, 800, x.length - 800, 1_000, 16_000), tolerance);
        assertEquals(1_000, peakFrequency(x, 800, x.length - 800, 980, 1020, 16_000), 1.0);
    }

    @Test
    void stereoChannelsAreAveraged() throws IOException {
        int rate = 16_000;
        float[] left = tone(500, 0.4, 0.5, rate);
        ByteBuffer b = ByteBuffer.allocate(44 + left.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + left.length * 4).put(ascii("WAVE")).put(ascii("fmt ")).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4).putShort((short) 16)
                .put(ascii("data")).putInt(left.length * 4);
        for (float s : left) {
            b.putShort((short) Math.round(s * 32767)).putShort((short) 0); // right channel silent
        }
        Path f = Files.write(dir.resolve("lr.wav"), b.array());
        float[] x = WavFileSource.readAll(f);
        assertEquals(0.2, amplitudeAt(x, 0, x.length, 500, rate), 0.005);
    }

    @Test
    void filesWrittenBySoxAreRead() throws Exception {
        Path f = dir.resolve("sox.wav");
        Process p = new ProcessBuilder("sox", "-n", "-r", "44100", "-b", "24", "-c", "2", f.toString(), "synth", "1.5", "sine", "700", "vol", "0.5")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
        try (WavFileSource s = WavFileSource.open(f)) {
            assertEquals(44_100, s.header().format().sampleRate());
            assertEquals(24, s.header().format().validBits());
            float[] x = AudioSources.readFully(s);
            assertEquals(24_000, x.length, 1);
            assertEquals(0.5, amplitudeAt(x, 800, x.length - 800, 700, 16_000), 0.01);
        }
    }

    @Test
    void truncatedDataChunkNamesFileAndSizes() throws IOException {
        byte[] full = Files.readAllBytes(WavFiles.pcm16(dir.resolve("full.wav"), tone(440, 0.5, 1.0, 16_000), 16_000));
        // keep the header (which declares 32000 data bytes) but only 1200 bytes of samples
        int dataStart = full.length - 32_000;
        Path cut = Files.write(dir.resolve("a.wav"), Arrays.copyOf(full, dataStart + 1_200));
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavFileSource.open(cut));
        assertEquals("speech: " + cut + ": truncated data chunk (expected 32000 bytes, found 1200)", e.getMessage());
        assertEquals(cut.toString(), e.source());
    }

    @Test
    void streamedHeaderPlaceholdersReadToTheEnd() throws IOException {
        byte[] full = Files.readAllBytes(WavFiles.pcm16(dir.resolve("s.wav"), tone(440, 0.5, 0.5, 16_000), 16_000));
        ByteBuffer b = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, -1); // RIFF size unknown
        b.putInt(full.length - 8_000 * 2 - 4, -1); // data size unknown
        Path f = Files.write(dir.resolve("streamed.wav"), full);
        assertEquals(8_000, WavFileSource.readAll(f).length);
    }

    @Test
    void badFilesGiveTypedErrorsNamingTheFile() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello, this is not audio at all");
        assertProblem(text, "not a WAV file");
        assertProblem(Files.write(dir.resolve("empty.wav"), new byte[0]), "empty file");
        assertProblem(Files.write(dir.resolve("short.wav"), ascii("RIFF")), "truncated file");
        assertProblem(Files.writeString(dir.resolve("tiny.wav"), "hey"), "not a WAV file");
        assertProblem(dir.resolve("missing.wav"), "no such file");
        assertProblem(dir, "is a directory");

        ByteBuffer adpcm = header(0x0002, 1, 16_000, 4, 1);
        assertProblem(Files.write(dir.resolve("adpcm.wav"), adpcm.array()), "unsupported WAV encoding: format tag 0x0002 (Microsoft ADPCM)");
        assertProblem(Files.write(dir.resolve("rate.wav"), header(1, 1, 4_000, 16, 2).array()), "sample rate 4000 Hz");
        assertProblem(Files.write(dir.resolve("bits.wav"), header(1, 1, 16_000, 12, 2).array()), "12-bit PCM");
        assertProblem(Files.write(dir.resolve("align.wav"), header(1, 2, 16_000, 16, 2).array()), "block align 2");

        ByteBuffer noData = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        noData.put(header(1, 1, 16_000, 16, 2).array(), 0, 36);
        assertProblem(Files.write(dir.resolve("nodata.wav"), noData.array()), "no data chunk");
    }

    @Test
    void emptyDataChunkIsNoAudioNotAnError() throws IOException {
        Path f = WavFiles.pcm16(dir.resolve("zero.wav"), new float[0], 16_000);
        assertEquals(0, WavFileSource.readAll(f).length);
    }

    private static ByteBuffer header(int tag, int channels, int rate, int bits, int blockAlign) {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(40).put(ascii("WAVE")).put(ascii("fmt ")).putInt(16)
                .putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits).put(ascii("data")).putInt(4).putInt(0);
        return b;
    }

    private static void assertProblem(Path f, String expected) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavFileSource.readAll(f));
        assertTrue(e.getMessage().startsWith("speech: " + f + ": "), e.getMessage());
        assertTrue(e.problem().contains(expected), e.getMessage());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
