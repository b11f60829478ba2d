package dev.voicebot.speech.testing;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a tiny Whisper model in the legacy ggml format that real whisper.cpp (whisper-jni) loads and
 * runs, with hand-set weights so that its output is known: whatever the audio, automatic language
 * identification picks the chosen language (probability about 1.0, or split with a second language),
 * transcription emits the chosen text, and translation emits the chosen English text.
 *
 * <p>How: the encoder and all attention weights are zero, so each decoder position sees only its own
 * token. The tokens that matter get orthogonal zero-mean ±1 embeddings (Hadamard rows, which pass
 * LayerNorm unchanged); every other token's embedding is zero. The decoder MLP works as a linear map
 * (a large bias before GELU, removed after) sending each token's vector to {@code k * successor - self},
 * so the residual stream becomes the successor's direction and the tied output layer picks it:
 * SOT → language, transcribe (or no-timestamps) → first text token, ..., last → EOT, and
 * translate → first English token, ... . 16-dim state, 2 heads, one encoder and one decoder layer,
 * F16 weights: about 1.8 MB, loads and decodes in tens of milliseconds.
 *
 * <p>Text is split at spaces into tokens (" 앞으로", " 가"); all tokens must differ, and transcript plus
 * translation may hold at most 9 tokens together.
 */
public final class TinyWhisperModel {
    public static final int N_VOCAB = 51_865;
    public static final int EOT = 50_257;
    public static final int SOT = 50_258;
    public static final int TRANSLATE = 50_358;
    public static final int TRANSCRIBE = 50_359;
    public static final int NO_TIMESTAMPS = 50_363;
    private static final int STATE = 16;
    private static final int MLP = 4 * STATE;
    private static final float K = 2f;
    private static final float BIAS = 10f;
    private static final float OUTPUT_SCALE = 4f;
    private static final List<String> LANGUAGES = dev.voicebot.speech.asr.WhisperLanguages.CODES;

    private final String language;
    private final String transcript;
    private String translation;
    private String secondLanguage;
    private float secondWeight;
    private int audioCtx = 150;
    private int ftype = 1;
    private int textHeads = 2;
    private boolean spaceToken = true;

    private TinyWhisperModel(String language, String transcript) {
        this.language = language;
        this.transcript = transcript;
    }

    /** A model that detects {@code language} and transcribes everything as {@code transcript}. */
    public static TinyWhisperModel speaking(String language, String transcript) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("unknown language " + language);
        }
        return new TinyWhisperModel(language, transcript);
    }

    /** What the model says when asked to translate (default: the transcript). */
    public TinyWhisperModel translation(String english) {
        this.translation = english;
        return this;
    }

    /**
     * Makes language identification less sure: the SOT successor mixes the main language (weight 1)
     * with {@code other} at {@code weight} in (0, 1]; weight 1 gives p = 0.5 each.
     */
    public TinyWhisperModel unsureWith(String other, float weight) {
        this.secondLanguage = other;
        this.secondWeight = weight;
        return this;
    }

    /** Encoder context (default 150 = 3 s of audio per encoder window; whisper's is 1500). */
    public TinyWhisperModel audioContext(int n) {
        this.audioCtx = n;
        return this;
    }

    /** For validation tests: a header that whisper.cpp would abort on. */
    public TinyWhisperModel ftype(int ftype) {
        this.ftype = ftype;
        return this;
    }

    /** For validation tests: 3 heads do not divide the 16-dim state. */
    public TinyWhisperModel textHeads(int heads) {
        this.textHeads = heads;
        return this;
    }

    /** For validation tests: leave out the " " token whisper.cpp requires. */
    public TinyWhisperModel withoutSpaceToken() {
        this.spaceToken = false;
        return this;
    }

    public Path write(Path file) throws IOException {
        List<String> said = pieces(transcript);
        List<String> english = translation == null ? said : pieces(translation);
        Set<String> distinct = new LinkedHashSet<>(said);
        distinct.addAll(english);
        if (translation != null && distinct.size() != said.size() + english.size()) {
            throw new IllegalArgumentException("transcript and translation tokens must all differ: " + said + " " + english);
        }
        if (distinct.size() != (translation == null ? said.size() : said.size() + english.size())) {
            throw new IllegalArgumentException("repeated token in " + said);
        }
        // vocabulary: " " first (id 0), then the text pieces
        List<String> vocab = new ArrayList<>();
        vocab.add(spaceToken ? " " : "  ");
        vocab.addAll(distinct);
        Map<String, Integer> id = new LinkedHashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            id.put(vocab.get(i), i);
        }
        int lang = SOT + 1 + LANGUAGES.indexOf(language);

        // embeddings: Hadamard rows 1.. for the tokens that matter
        List<Integer> special = new ArrayList<>(List.of(SOT, lang, TRANSCRIBE, TRANSLATE, NO_TIMESTAMPS, EOT));
        Integer lang2 = null;
        if (secondLanguage != null) {
            lang2 = SOT + 1 + LANGUAGES.indexOf(secondLanguage);
            special.add(lang2);
        }
        for (String piece : distinct) {
            special.add(id.get(piece));
        }
        if (special.size() > STATE - 1) {
            throw new IllegalArgumentException("too many tokens for a 16-dim model: " + special.size());
        }
        Map<Integer, float[]> vec = new LinkedHashMap<>();
        for (int i = 0; i < special.size(); i++) {
            vec.put(special.get(i), hadamardRow(i + 1));
        }
        // successor targets (possibly a mix of directions)
        Map<Integer, float[]> next = new LinkedHashMap<>();
        float[] sotTarget = vec.get(lang).clone();
        if (lang2 != null) {
            sotTarget = add(sotTarget, scale(vec.get(lang2), secondWeight));
        }
        next.put(SOT, sotTarget);
        chain(next, vec, id, said, TRANSCRIBE);
        chain(next, vec, id, said, NO_TIMESTAMPS);
        chain(next, vec, id, english, TRANSLATE);

        // M = sum_t (K * target(t) - e_t) e_t^T / STATE
        float[][] m = new float[STATE][STATE];
        for (Map.Entry<Integer, float[]> e : next.entrySet()) {
            float[] et = vec.get(e.getKey());
            float[] target = e.getValue();
            for (int r = 0; r < STATE; r++) {
                float left = K * target[r] - et[r];
                for (int c = 0; c < STATE; c++) {
                    m[r][c] += left * et[c] / STATE;
                }
            }
        }

        Files.createDirectories(file.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            Le le = new Le(out);
            le.i32(0x67676d6c);
            for (int v : new int[] {N_VOCAB, audioCtx, STATE, 2, 1, 64, STATE, textHeads, 1, 80, ftype}) {
                le.i32(v);
            }
            le.i32(80);
            le.i32(201);
            for (int i = 0; i < 80 * 201; i++) {
                le.f32(0f);
            }
            le.i32(vocab.size());
            for (String t : vocab) {
                byte[] b = t.getBytes(StandardCharsets.UTF_8);
                le.i32(b.length);
                out.write(b);
            }
            // encoder: all zero
            le.tensor("encoder.positional_embedding", 0, new float[STATE * audioCtx], STATE, audioCtx);
            le.tensor("encoder.conv1.weight", 1, new float[3 * 80 * STATE], 3, 80, STATE);
            le.tensor("encoder.conv1.bias", 0, new float[STATE], 1, STATE);
            le.tensor("encoder.conv2.weight", 1, new float[3 * STATE * STATE], 3, STATE, STATE);
            le.tensor("encoder.conv2.bias", 0, new float[STATE], 1, STATE);
            le.tensor("encoder.ln_post.weight", 0, new float[STATE], STATE);
            le.tensor("encoder.ln_post.bias", 0, new float[STATE], STATE);
            zeroBlock(le, "encoder.blocks.0.", false);
            // decoder
            le.tensor("decoder.positional_embedding", 0, new float[STATE * 64], STATE, 64);
            float[] emb = new float[N_VOCAB * STATE];
            for (Map.Entry<Integer, float[]> e : vec.entrySet()) {
                System.arraycopy(e.getValue(), 0, emb, e.getKey() * STATE, STATE);
            }
            le.tensor("decoder.token_embedding.weight", 1, emb, STATE, N_VOCAB);
            float[] lnw = new float[STATE];
            Arrays.fill(lnw, OUTPUT_SCALE);
            le.tensor("decoder.ln.weight", 0, lnw, STATE);
            le.tensor("decoder.ln.bias", 0, new float[STATE], STATE);
            String p = "decoder.blocks.0.";
            zeroAttention(le, p + "attn");
            zeroAttention(le, p + "cross_attn");
            float[] ones = new float[STATE];
            Arrays.fill(ones, 1f);
            le.tensor(p + "mlp_ln.weight", 0, ones, STATE);
            le.tensor(p + "mlp_ln.bias", 0, new float[STATE], STATE);
            float[] w0 = new float[MLP * STATE];   // ne = [STATE, MLP]: row j (output) holds STATE inputs
            float[] b0 = new float[MLP];
            for (int j = 0; j < STATE; j++) {
                System.arraycopy(m[j], 0, w0, j * STATE, STATE);
                b0[j] = BIAS;
            }
            le.tensor(p + "mlp.0.weight", 1, w0, STATE, MLP);
            le.tensor(p + "mlp.0.bias", 0, b0, MLP);
            float[] w1 = new float[STATE * MLP];   // ne = [MLP, STATE]
            float[] b1 = new float[STATE];
            for (int o = 0; o < STATE; o++) {
                w1[o * MLP + o] = 1f;
                b1[o] = -BIAS;
            }
            le.tensor(p + "mlp.2.weight", 1, w1, MLP, STATE);
            le.tensor(p + "mlp.2.bias", 0, b1, STATE);
        }
        return file;
    }

    private static void chain(Map<Integer, float[]> next, Map<Integer, float[]> vec, Map<String, Integer> id, List<String> text, int from) {
        int prev = from;
        for (String piece : text) {
            int t = id.get(piece);
            next.putIfAbsent(prev, vec.get(t));
            prev = t;
        }
        next.putIfAbsent(prev, vec.get(EOT));
    }

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.trim().split(" +")) {
            if (!w.isEmpty()) {
                out.add(" " + w);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty text");
        }
        return out;
    }

    private static void zeroBlock(Le le, String p, boolean cross) throws IOException {
        float[] ones = new float[STATE];
        Arrays.fill(ones, 1f);
        le.tensor(p + "mlp_ln.weight", 0, ones, STATE);
        le.tensor(p + "mlp_ln.bias", 0, new float[STATE], STATE);
        le.tensor(p + "mlp.0.weight", 1, new float[MLP * STATE], STATE, MLP);
        le.tensor(p + "mlp.0.bias", 0, new float[MLP], MLP);
        le.tensor(p + "mlp.2.weight", 1, new float[STATE * MLP], MLP, STATE);
        le.tensor(p + "mlp.2.bias", 0, new float[STATE], STATE);
        zeroAttention(le, p + "attn");
        if (cross) {
            zeroAttention(le, p + "cross_attn");
        }
    }

    private static void zeroAttention(Le le, String a) throws IOException {
        float[] ones = new float[STATE];
        Arrays.fill(ones, 1f);
        le.tensor(a + "_ln.weight", 0, ones, STATE);
        le.tensor(a + "_ln.bias", 0, new float[STATE], STATE);
        for (String w : new String[] {".query", ".key", ".value", ".out"}) {
            le.tensor(a + w + ".weight", 1, new float[STATE * STATE], STATE, STATE);
            if (!w.equals(".key")) {
                le.tensor(a + w + ".bias", 0, new float[STATE], STATE);
            }
        }
    }

    private static float[] hadamardRow(int i) {
        float[] r = new float[STATE];
        for (int j = 0; j < STATE; j++) {
            r[j] = Integer.bitCount(i & j) % 2 == 0 ? 1f : -1f;
        }
        return r;
    }

    private static float[] add(float[] a, float[] b) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] + b[i];
        }
        return r;
    }

    private static float[] scale(float[] a, float s) {
        float[] r = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * s;
        }
        return r;
    }

    /** Little-endian writer. */
    private static final class Le {
        private final DataOutputStream out;

        Le(DataOutputStream out) {
            this.out = out;
        }

        void i32(int v) throws IOException {
            out.writeInt(Integer.reverseBytes(v));
        }

        void f32(float v) throws IOException {
            i32(Float.floatToIntBits(v));
        }

        void tensor(String name, int type, float[] data, int... ne) throws IOException {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            i32(ne.length);
            i32(n.length);
            i32(type);
            for (int d : ne) {
                i32(d);
            }
            out.write(n);
            for (float v : data) {
                if (type == 0) {
                    f32(v);
                } else {
                    short h = toHalf(v);
                    out.writeShort(Short.reverseBytes(h));
                }
            }
        }
    }

    /** IEEE 754 binary16, round to nearest (exact for the small multiples of 1/16 used here). */
    static short toHalf(float f) {
        int bits = Float.floatToIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xFF) - 127 + 15;
        int mant = bits & 0x7FFFFF;
        if (f == 0f) {
            return (short) sign;
        }
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant = (mant | 0x800000) >> (1 - exp);
            return (short) (sign | ((mant + 0x1000) >> 13));
        }
        if (exp >= 31) {
            return (short) (sign | 0x7C00);
        }
        int h = sign | (exp << 10) | (mant >> 13);
        if ((mant & 0x1000) != 0) {
            h++; // round half up
        }
        return (short) h;
    }

    /** Writes the model to {@code scratch} and returns its bytes (for tests that corrupt them). */
    public static byte[] bytes(TinyWhisperModel model, Path scratch) throws IOException {
        model.write(scratch);
        return Files.readAllBytes(scratch);
    }
}
