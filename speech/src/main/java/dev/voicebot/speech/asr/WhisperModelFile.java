package dev.voicebot.speech.asr;

import dev.voicebot.speech.ModelFileException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Whisper ggml model file completely, in Java, before whisper.cpp sees it. whisper.cpp
 * 1.7.1 aborts the whole JVM (no exception) on some bad files: weights of type F32 (ftype 0), a
 * state size not divisible by the head count, a vocabulary without the {@code " "} token, an unknown
 * tensor type, a mel filter bank of the wrong shape. This walks the header, the mel filters, the
 * vocabulary and every tensor record (name, shape, type, byte length) and compares them with what the
 * loader will expect, so a truncated, corrupt or foreign file fails here with a
 * {@link ModelFileException} naming the file and the problem.
 */
public final class WhisperModelFile {
    private static final int MAGIC = 0x67676d6c; // "ggml"
    private static final int GGUF = 0x46554747;  // "GGUF" read little-endian
    private static final int QNT_VERSION_FACTOR = 1000;
    private static final int MAX_TOKEN_BYTES = 1024;

    /** ggml_type -> {block size, bytes per block}. */
    private static final Map<Integer, int[]> TYPES = Map.ofEntries(
            Map.entry(0, new int[] {1, 4}), Map.entry(1, new int[] {1, 2}),
            Map.entry(2, new int[] {32, 18}), Map.entry(3, new int[] {32, 20}),
            Map.entry(6, new int[] {32, 22}), Map.entry(7, new int[] {32, 24}), Map.entry(8, new int[] {32, 34}),
            Map.entry(10, new int[] {256, 84}), Map.entry(11, new int[] {256, 110}), Map.entry(12, new int[] {256, 144}),
            Map.entry(13, new int[] {256, 176}), Map.entry(14, new int[] {256, 210}));
    /** ggml_ftype (file weight type) -> ggml_type of the big 2-D weights. */
    private static final Map<Integer, Integer> FTYPE_TO_TYPE = Map.of(1, 1, 2, 2, 3, 3, 7, 8, 8, 6, 9, 7,
            10, 10, 11, 11, 12, 12, 13, 13);
    private static final int F32 = 0;
    private static final int F16 = 1;

    private WhisperModelFile() {
    }

    /**
     * @return the model's dimensions
     * @throws ModelFileException if the file is missing, unreadable, or anything in it is not what
     *                            whisper.cpp can load safely
     */
    public static WhisperModelInfo validate(Path file) {
        if (file == null) {
            throw new ModelFileException(null, "no model file given");
        }
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Reader(file, ch).read();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file (download a Whisper ggml model, e.g. ggml-base.bin, and pass its path)", e);
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file, "permission denied", e);
        } catch (EOFException e) {
            throw new ModelFileException(file, "truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read: " + e, e);
        }
    }

    private static final class Reader {
        private final Path file;
        private final FileChannel ch;
        private final long size;
        private final ByteBuffer small = ByteBuffer.allocate(4 * 16).order(ByteOrder.LITTLE_ENDIAN);

        Reader(Path file, FileChannel ch) throws IOException {
            this.file = file;
            this.ch = ch;
            this.size = ch.size();
        }

        WhisperModelInfo read() throws IOException {
            if (size < 4) {
                throw bad(size == 0 ? "empty file (0 bytes)" : "too short to be a model (" + size + " bytes)");
            }
            int magic = i32("the magic number");
            if (magic == GGUF) {
                throw bad("this is a GGUF file (a llama.cpp model?), not a Whisper ggml model");
            }
            if (magic != MAGIC) {
                throw bad(String.format("not a Whisper ggml model (magic 0x%08x, expected 0x%08x)", magic, MAGIC));
            }
            int nVocab = i32("n_vocab");
            int nAudioCtx = i32("n_audio_ctx");
            int nAudioState = i32("n_audio_state");
            int nAudioHead = i32("n_audio_head");
            int nAudioLayer = i32("n_audio_layer");
            int nTextCtx = i32("n_text_ctx");
            int nTextState = i32("n_text_state");
            int nTextHead = i32("n_text_head");
            int nTextLayer = i32("n_text_layer");
            int nMels = i32("n_mels");
            int ftypeField = i32("ftype");

            if (nVocab < 51_864 || nVocab > 51_866) {
                throw bad("unsupported vocabulary size n_vocab = " + nVocab + " (Whisper models have 51864, 51865 or 51866)");
            }
            range("n_audio_ctx", nAudioCtx, 1, 1500);
            range("n_audio_state", nAudioState, 1, 8192);
            range("n_audio_head", nAudioHead, 1, 256);
            range("n_audio_layer", nAudioLayer, 1, 128);
            range("n_text_ctx", nTextCtx, 8, 4096);
            range("n_text_state", nTextState, 1, 8192);
            range("n_text_head", nTextHead, 1, 256);
            range("n_text_layer", nTextLayer, 1, 128);
            if (nMels != 80 && nMels != 128) {
                throw bad("unsupported n_mels = " + nMels + " (80 or 128)");
            }
            if (nAudioState != nTextState) {
                throw bad("n_audio_state " + nAudioState + " differs from n_text_state " + nTextState);
            }
            if (nAudioState % nAudioHead != 0) {
                throw bad("n_audio_state " + nAudioState + " is not divisible by n_audio_head " + nAudioHead + " (whisper.cpp would abort)");
            }
            if (nTextState % nTextHead != 0) {
                throw bad("n_text_state " + nTextState + " is not divisible by n_text_head " + nTextHead + " (whisper.cpp would abort)");
            }
            int qntVersion = ftypeField / QNT_VERSION_FACTOR;
            int ftype = ftypeField % QNT_VERSION_FACTOR;
            if (ftypeField < 0 || qntVersion > 10) {
                throw bad("invalid ftype " + ftypeField);
            }
            if (ftype == 0) {
                throw bad("F32 weights (ftype 0) are not supported by whisper.cpp 1.7.1 here (it aborts); use an F16 or quantized model");
            }
            Integer wtype = FTYPE_TO_TYPE.get(ftype);
            if (wtype == null) {
                throw bad("unsupported weight type ftype " + ftype + " (supported: 1 = F16, 2, 3, 7, 8, 9 and 10-14 quantized)");
            }

            // mel filters
            int filterMels = i32("the mel filter count");
            int filterFft = i32("the mel filter width");
            if (filterMels != nMels || filterFft != 201) {
                throw bad("mel filter bank is " + filterMels + " x " + filterFft + ", expected " + nMels + " x 201");
            }
            skip((long) filterMels * filterFft * 4, "the mel filter bank");

            // vocabulary
            int tokens = i32("the vocabulary size");
            if (tokens < 1 || tokens > nVocab) {
                throw bad("vocabulary holds " + tokens + " tokens, expected 1 to n_vocab " + nVocab + " (whisper.cpp would abort)");
            }
            boolean space = false;
            for (int i = 0; i < tokens; i++) {
                int len = i32("token " + i);
                if (len < 0 || len > MAX_TOKEN_BYTES) {
                    throw bad("vocabulary token " + i + " has an impossible length " + Integer.toUnsignedString(len));
                }
                if (len == 1) {
                    space |= bytes(1, "token " + i)[0] == ' ';
                } else {
                    skip(len, "token " + i);
                }
            }
            if (!space) {
                throw bad("the vocabulary has no \" \" token (whisper.cpp would abort)");
            }

            // tensors
            Map<String, Expected> expected = expectedTensors(nAudioCtx, nAudioState, nAudioLayer, nTextCtx, nTextState, nTextLayer,
                    nMels, nVocab, wtype);
            Set<String> seen = new HashSet<>();
            while (position() < size) {
                int nDims = i32("a tensor header");
                int nameLen = i32("a tensor header");
                int ttype = i32("a tensor header");
                if (nDims < 1 || nDims > 3) {
                    throw bad("corrupt tensor header at byte " + (position() - 12) + " (" + nDims + " dimensions)");
                }
                if (nameLen < 1 || nameLen > 256) {
                    throw bad("corrupt tensor header at byte " + (position() - 12) + " (name length " + nameLen + ")");
                }
                long[] ne = {1, 1, 1};
                for (int d = 0; d < nDims; d++) {
                    ne[d] = i32("a tensor shape");
                    if (ne[d] < 1) {
                        throw bad("corrupt tensor header: dimension " + ne[d]);
                    }
                }
                String name = new String(bytes(nameLen, "a tensor name"), StandardCharsets.UTF_8);
                Expected want = expected.get(name);
                if (want == null) {
                    throw bad("unknown tensor '" + name + "' (not a Whisper model, or a different architecture)");
                }
                if (!seen.add(name)) {
                    throw bad("tensor '" + name + "' appears twice");
                }
                if (ne[0] != want.ne[0] || ne[1] != want.ne[1] || ne[2] != want.ne[2]) {
                    throw bad("tensor '" + name + "' has shape [" + ne[0] + ", " + ne[1] + ", " + ne[2] + "], expected ["
                            + want.ne[0] + ", " + want.ne[1] + ", " + want.ne[2] + "]");
                }
                if (ttype != want.type) {
                    throw bad("tensor '" + name + "' has type " + ttype + ", expected " + want.type);
                }
                int[] t = TYPES.get(ttype);
                long elements = ne[0] * ne[1] * ne[2];
                if (ne[0] % t[0] != 0) {
                    throw bad("tensor '" + name + "' rows of " + ne[0] + " are not whole blocks of " + t[0]);
                }
                long bytes = elements / t[0] * t[1];
                if (position() + bytes > size) {
                    throw bad("truncated: tensor '" + name + "' needs " + bytes + " bytes but the file ends after "
                            + (size - position()));
                }
                ch.position(position() + bytes);
            }
            if (seen.size() != expected.size()) {
                String missing = expected.keySet().stream().filter(n -> !seen.contains(n)).sorted().findFirst().orElse("?");
                throw bad("truncated or incomplete: " + (expected.size() - seen.size()) + " of " + expected.size()
                        + " tensors missing (first: '" + missing + "')");
            }
            return new WhisperModelInfo(file, nVocab, nAudioCtx, nAudioState, nAudioHead, nAudioLayer, nTextCtx, nTextState,
                    nTextHead, nTextLayer, nMels, ftype, seen.size());
        }

        private long position() throws IOException {
            return ch.position();
        }

        private int i32(String what) throws IOException {
            small.clear().limit(4);
            fill(small, what);
            return small.getInt(0);
        }

        private byte[] bytes(int n, String what) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n);
            fill(b, what);
            return b.array();
        }

        private void fill(ByteBuffer b, String what) throws IOException {
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new EOFException("the file ends inside " + what + " (at byte " + position() + ")");
                }
            }
        }

        private void skip(long n, String what) throws IOException {
            if (position() + n > size) {
                throw new EOFException("the file ends inside " + what + " (needs " + n + " bytes, " + (size - position()) + " left)");
            }
            ch.position(position() + n);
        }

        private void range(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw bad("implausible " + name + " = " + v + " (expected " + lo + " to " + hi + "); the header is corrupt");
            }
        }

        private ModelFileException bad(String problem) {
            return new ModelFileException(file, problem);
        }
    }

    private record Expected(long[] ne, int type) {
    }

    private static Map<String, Expected> expectedTensors(int nAudioCtx, int n, int nAudioLayer, int nTextCtx, int nText, int nTextLayer,
                                                         int nMels, int nVocab, int wtype) {
        Map<String, Expected> m = new HashMap<>();
        int vtype = F16; // conv weights (F32 models are refused above)
        m.put("encoder.positional_embedding", new Expected(new long[] {n, nAudioCtx, 1}, F32));
        m.put("encoder.conv1.weight", new Expected(new long[] {3, nMels, n}, vtype));
        m.put("encoder.conv1.bias", new Expected(new long[] {1, n, 1}, F32));
        m.put("encoder.conv2.weight", new Expected(new long[] {3, n, n}, vtype));
        m.put("encoder.conv2.bias", new Expected(new long[] {1, n, 1}, F32));
        m.put("encoder.ln_post.weight", new Expected(new long[] {n, 1, 1}, F32));
        m.put("encoder.ln_post.bias", new Expected(new long[] {n, 1, 1}, F32));
        for (int i = 0; i < nAudioLayer; i++) {
            block(m, "encoder.blocks." + i + ".", n, wtype, false);
        }
        m.put("decoder.positional_embedding", new Expected(new long[] {nText, nTextCtx, 1}, F32));
        m.put("decoder.token_embedding.weight", new Expected(new long[] {nText, nVocab, 1}, wtype));
        m.put("decoder.ln.weight", new Expected(new long[] {nText, 1, 1}, F32));
        m.put("decoder.ln.bias", new Expected(new long[] {nText, 1, 1}, F32));
        for (int i = 0; i < nTextLayer; i++) {
            block(m, "decoder.blocks." + i + ".", nText, wtype, true);
        }
        return m;
    }

    private static void block(Map<String, Expected> m, String p, int n, int wtype, boolean cross) {
        m.put(p + "mlp_ln.weight", new Expected(new long[] {n, 1, 1}, F32));
        m.put(p + "mlp_ln.bias", new Expected(new long[] {n, 1, 1}, F32));
        m.put(p + "mlp.0.weight", new Expected(new long[] {n, 4L * n, 1}, wtype));
        m.put(p + "mlp.0.bias", new Expected(new long[] {4L * n, 1, 1}, F32));
        m.put(p + "mlp.2.weight", new Expected(new long[] {4L * n, n, 1}, wtype));
        m.put(p + "mlp.2.bias", new Expected(new long[] {n, 1, 1}, F32));
        for (String a : cross ? new String[] {"attn", "cross_attn"} : new String[] {"attn"}) {
            m.put(p + a + "_ln.weight", new Expected(new long[] {n, 1, 1}, F32));
            m.put(p + a + "_ln.bias", new Expected(new long[] {n, 1, 1}, F32));
            m.put(p + a + ".query.weight", new Expected(new long[] {n, n, 1}, wtype));
            m.put(p + a + ".query.bias", new Expected(new long[] {n, 1, 1}, F32));
            m.put(p + a + ".key.weight", new Expected(new long[] {n, n, 1}, wtype));
            m.put(p + a + ".value.weight", new Expected(new long[] {n, n, 1}, wtype));
            m.put(p + a + ".value.bias", new Expected(new long[] {n, 1, 1}, F32));
            m.put(p + a + ".out.weight", new Expected(new long[] {n, n, 1}, wtype));
            m.put(p + a + ".out.bias", new Expected(new long[] {n, 1, 1}, F32));
        }
    }
}
