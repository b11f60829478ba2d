package dev.voicebot.brain.llm.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.voicebot.brain.llm.gguf.ModelFileException.Problem;
import dev.voicebot.brain.llm.testmodels.GgufWriter;
import dev.voicebot.brain.llm.testmodels.TinyLlamaModels;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java-side checks that keep broken files away from llama.cpp; no native code runs here. */
class ModelFileCheckTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private ModelFileException refused(Path file, Problem expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFileCheck.model(file));
        assertEquals(expected, e.problem(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void aTinyModelPassesAndItsHeaderIsRead() throws IOException {
        Path f = TinyLlamaModels.scripted(dir.resolve("ok.gguf"), "{\"reply\":\"Hi.\",\"intents\":[]}");
        GgufFile g = ModelFileCheck.model(f);
        assertEquals(3, g.version());
        assertEquals("llama", g.architecture().orElseThrow());
        assertEquals(3 + 9 * TinyLlamaModels.LAYERS, g.tensors().size());
        assertEquals(0, g.dataOffset() % g.alignment());
        assertEquals(TinyLlamaModels.EMBEDDING, g.integer("llama.embedding_length").orElseThrow());
        GgufFile.TensorInfo last = g.tensors().get(g.tensors().size() - 1);
        assertEquals(g.fileSize(), g.dataOffset() + last.offset() + last.size());
    }

    @Test
    void missingFileAndDirectoryAreNamed() throws IOException {
        refused(dir.resolve("nope.gguf"), Problem.MISSING);
        Path d = Files.createDirectory(dir.resolve("models.gguf"));
        refused(d, Problem.NOT_A_FILE);
    }

    @Test
    void otherFormatsAreNotGguf() throws IOException {
        refused(write("empty.gguf", new byte[0]), Problem.NOT_GGUF);
        refused(write("text.gguf", "hello, this is not a model".getBytes(StandardCharsets.UTF_8)), Problem.NOT_GGUF);
        byte[] whisper = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(0x67676d6c).array();
        assertTrue(refused(write("ggml-base.bin", whisper), Problem.NOT_GGUF).getMessage().contains("legacy GGML"));
    }

    @Test
    void unsupportedVersionsAreRefused() throws IOException {
        byte[] ok = TinyLlamaModels.randomWriter(1).toBytes();
        byte[] v1 = ok.clone();
        ByteBuffer.wrap(v1).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
        assertTrue(refused(write("v1.gguf", v1), Problem.UNSUPPORTED_VERSION).getMessage().contains("version 1"));
        byte[] bigEndian = ok.clone();
        ByteBuffer.wrap(bigEndian).order(ByteOrder.BIG_ENDIAN).putInt(4, 3);
        assertTrue(refused(write("be.gguf", bigEndian), Problem.UNSUPPORTED_VERSION).getMessage().contains("big-endian"));
    }

    @Test
    void everyTruncationIsCaughtInJava() throws IOException {
        byte[] ok = TinyLlamaModels.randomWriter(2).toBytes();
        Path f = dir.resolve("partial.gguf");
        int header = (int) ModelFileCheck.model(Files.write(f, ok)).dataOffset();
        // Cut points all through the header, then through the tensor data.
        List<Integer> cuts = new ArrayList<>();
        for (int c = 4; c < header + 64; c += 23) {
            cuts.add(c);
        }
        for (int c = header + 64; c < ok.length; c += 19_997) {
            cuts.add(c);
        }
        cuts.add(ok.length - 1);
        for (int cut : cuts) {
            Files.write(f, Arrays.copyOf(ok, cut));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFileCheck.model(f), "cut at " + cut);
            assertEquals(Problem.TRUNCATED, e.problem(), "cut at " + cut + ": " + e.getMessage());
        }
        Files.write(f, Arrays.copyOf(ok, ok.length - 1));
        assertTrue(refused(f, Problem.TRUNCATED).getMessage().contains("tensor 'blk.1.ffn_down.weight'"));
    }

    @Test
    void duplicateTokenTextsAreRefusedBeforeLlamaCppAbortsOnThem() throws IOException {
        List<String> vocab = new ArrayList<>(TinyLlamaModels.baseVocabulary());
        vocab.set(vocab.size() - 1, vocab.get(vocab.size() - 2));
        Path f = dir.resolve("dup.gguf");
        TinyLlamaModels.randomWriter(3).putStrings("tokenizer.ggml.tokens", vocab).write(f);
        assertTrue(refused(f, Problem.INCOMPATIBLE).getMessage().contains("repeats the text"));
    }

    @Test
    void tokenizerFaultsAreRefused() throws IOException {
        Path noArch = dir.resolve("noarch.gguf");
        TinyLlamaModels.randomWriter(4).remove("general.architecture").write(noArch);
        assertTrue(refused(noArch, Problem.INCOMPATIBLE).getMessage().contains("general.architecture is missing"));

        Path noTokenizer = dir.resolve("notok.gguf");
        TinyLlamaModels.randomWriter(4).remove("tokenizer.ggml.model").write(noTokenizer);
        refused(noTokenizer, Problem.INCOMPATIBLE);

        List<String> vocab = new ArrayList<>(TinyLlamaModels.baseVocabulary());
        vocab.set(3, "<0xZZ>");
        Path badByte = dir.resolve("badbyte.gguf");
        TinyLlamaModels.randomWriter(4).putStrings("tokenizer.ggml.tokens", vocab).write(badByte);
        assertTrue(refused(badByte, Problem.INCOMPATIBLE).getMessage().contains("byte token"));

        Path shortScores = dir.resolve("scores.gguf");
        TinyLlamaModels.randomWriter(4).putFloat32s("tokenizer.ggml.scores", new float[3]).write(shortScores);
        assertTrue(refused(shortScores, Problem.INCOMPATIBLE).getMessage().contains("tokenizer.ggml.scores"));
    }

    @Test
    void unknownTensorTypesAndBadShapesAreMalformed() throws IOException {
        Path removedType = dir.resolve("q4_0_4_4.gguf");
        TinyLlamaModels.randomWriter(5).addRaw("extra.weight", new long[] {32}, 31, new byte[64]).write(removedType);
        assertTrue(refused(removedType, Problem.MALFORMED).getMessage().contains("element type 31"));

        Path notBlockMultiple = dir.resolve("q8.gguf");
        TinyLlamaModels.randomWriter(5).addRaw("extra.weight", new long[] {33}, GgmlType.Q8_0.id(), new byte[68]).write(notBlockMultiple);
        assertTrue(refused(notBlockMultiple, Problem.MALFORMED).getMessage().contains("block size"));

        Path tooManyDims = dir.resolve("dims.gguf");
        TinyLlamaModels.randomWriter(5).addRaw("extra.weight", new long[] {1, 1, 1, 1, 1}, 0, new byte[4]).write(tooManyDims);
        refused(tooManyDims, Problem.MALFORMED);
    }

    @Test
    void adaptersAndModelsAreNotMixedUp() throws IOException {
        List<String> scripts = List.of("{\"reply\":\"A.\",\"intents\":[]}", "{\"reply\":\"B.\",\"intents\":[]}");
        Path model = dir.resolve("m.gguf");
        TinyLlamaModels.scriptedWriter(scripts).write(model);
        Path adapter = dir.resolve("a.gguf");
        TinyLlamaModels.switchingAdapter(scripts, 1).write(adapter);
        GgufFile m = ModelFileCheck.model(model);
        assertEquals("lora", ModelFileCheck.adapter(adapter, m).string("adapter.type").orElseThrow());

        assertTrue(refused(adapter, Problem.INCOMPATIBLE).getMessage().contains("brain.lora"));
        ModelFileException notAdapter = assertThrows(ModelFileException.class, () -> ModelFileCheck.adapter(model, m));
        assertEquals(Problem.INCOMPATIBLE, notAdapter.problem());
        Path otherArch = dir.resolve("qwen-lora.gguf");
        TinyLlamaModels.switchingAdapter(scripts, 1).putString("general.architecture", "qwen2").write(otherArch);
        ModelFileException wrongArch = assertThrows(ModelFileException.class, () -> ModelFileCheck.adapter(otherArch, m));
        assertTrue(wrongArch.getMessage().contains("qwen2"), wrongArch.getMessage());
    }

    @Test
    void randomDamageToTheHeaderNeverEscapesAsAnythingButAModelFileException() throws IOException {
        byte[] ok = new GgufWriter().putString("general.architecture", "llama").toBytes();
        byte[] model = TinyLlamaModels.randomWriter(6).toBytes();
        Path f = dir.resolve("damaged.gguf");
        int header = (int) ModelFileCheck.model(Files.write(f, model)).dataOffset();
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            byte[] b = Arrays.copyOf(model, header);
            int flips = 1 + random.nextInt(4);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(header)] = (byte) random.nextInt(256);
            }
            // Only the header changes: rewrite it in place over the intact tensor data.
            try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.write(b);
            }
            try {
                ModelFileCheck.model(f);
            } catch (ModelFileException e) {
                refused++;
                assertFalse(e.getMessage().isBlank());
            }
        }
        assertTrue(refused > 0);
        assertEquals(Problem.INCOMPATIBLE, refused(write("vocab-only.gguf", ok), Problem.INCOMPATIBLE).problem());
    }
}
