package dev.voicebot.speech.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.speech.ModelFileException;
import dev.voicebot.speech.testing.TinyWhisperModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad model files must fail in Java with the file named: several of these (ftype 0, heads that do
 * not divide the state, no " " token) abort the JVM if whisper.cpp ever sees them, so every case
 * here also goes through {@link WhisperEngine#load} to prove it never reaches native code.
 */
class WhisperModelFileTest {
    @TempDir
    Path dir;

    private Path good() throws IOException {
        return TinyWhisperModel.speaking("ko", "앞으로 가").write(dir.resolve("good.bin"));
    }

    private void assertRejected(Path file, String problem) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> WhisperModelFile.validate(file));
        assertTrue(e.getMessage().startsWith("speech: model " + file + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertEquals(file, e.file());
        ModelFileException viaEngine = assertThrows(ModelFileException.class, () -> WhisperEngine.load(file));
        assertEquals(e.getMessage(), viaEngine.getMessage());
    }

    @Test
    void aGoodModelIsDescribed() throws IOException {
        WhisperModelInfo info = WhisperModelFile.validate(good());
        assertEquals(51_865, info.nVocab());
        assertEquals(16, info.nAudioState());
        assertEquals(1, info.ftype());
        assertTrue(info.multilingual());
    }

    @Test
    void missingEmptyAndForeignFiles() throws IOException {
        assertRejected(dir.resolve("nope.bin"), "no such file");
        assertRejected(Files.write(dir.resolve("empty.bin"), new byte[0]), "empty file");
        assertRejected(Files.writeString(dir.resolve("text.bin"), "this is a text file, not a model at all"), "not a Whisper ggml model");
        assertRejected(Files.write(dir.resolve("llama.gguf"), "GGUF\3\0\0\0 and some more bytes".getBytes(StandardCharsets.US_ASCII)), "GGUF");
        assertRejected(dir, "is a directory");
    }

    @Test
    void headersThatWouldAbortTheJvmAreRefused() throws IOException {
        assertRejected(TinyWhisperModel.speaking("en", "hi").ftype(0).write(dir.resolve("f32.bin")), "ftype 0");
        assertRejected(TinyWhisperModel.speaking("en", "hi").textHeads(3).write(dir.resolve("heads.bin")), "not divisible by n_text_head 3");
        assertRejected(TinyWhisperModel.speaking("en", "hi").withoutSpaceToken().write(dir.resolve("nospace.bin")), "no \" \" token");
        assertRejected(TinyWhisperModel.speaking("en", "hi").ftype(5).write(dir.resolve("ftype5.bin")), "unsupported weight type ftype 5");
    }

    @Test
    void truncatedAnywhereIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good());
        for (int cut : new int[] {3, 20, 44, 1_000, 64_400, 70_000, bytes.length / 2, bytes.length - 1}) {
            Path f = Files.write(dir.resolve("cut" + cut + ".bin"), Arrays.copyOf(bytes, cut));
            ModelFileException e = assertThrows(ModelFileException.class, () -> WhisperModelFile.validate(f), "cut at " + cut);
            assertTrue(e.problem().contains("truncated") || e.problem().contains("too short") || e.problem().contains("ends"),
                    "cut at " + cut + ": " + e.getMessage());
        }
    }

    @Test
    void corruptFieldsAreRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good());
        assertRejected(patch(bytes, "vocab.bin", 4, 60_000), "n_vocab = 60000");
        assertRejected(patch(bytes, "state.bin", 12, -5), "n_audio_state = -5");
        assertRejected(patch(bytes, "mels.bin", 40, 81), "n_mels = 81");
        assertRejected(patch(bytes, "filters.bin", 52, 200), "mel filter bank is 80 x 200");
        // the vocabulary count right after the filter bank: more tokens than n_vocab
        int vocabAt = 4 + 44 + 8 + 80 * 201 * 4;
        assertRejected(patch(bytes, "tokens.bin", vocabAt, 60_000), "vocabulary holds 60000 tokens");
        assertRejected(patch(bytes, "toklen.bin", vocabAt + 4, 1 << 30), "impossible length");
        // flip a byte inside the first tensor name
        int firstTensor = tensorStart(bytes, vocabAt);
        byte[] renamed = bytes.clone();
        renamed[firstTensor + 12 + 8 + 2] ^= 0x20;
        assertRejected(Files.write(dir.resolve("name.bin"), renamed), "unknown tensor");
        assertRejected(patch(bytes, "ttype.bin", firstTensor + 8, 99), "has type 99");
        assertRejected(patch(bytes, "dims.bin", firstTensor, 7), "7 dimensions");
    }

    private static int tensorStart(byte[] b, int vocabAt) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = bb.getInt(vocabAt);
        int p = vocabAt + 4;
        for (int i = 0; i < n; i++) {
            p += 4 + bb.getInt(p);
        }
        return p;
    }

    private Path patch(byte[] original, String name, int offset, int value) throws IOException {
        byte[] b = original.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return Files.write(dir.resolve(name), b);
    }
}
