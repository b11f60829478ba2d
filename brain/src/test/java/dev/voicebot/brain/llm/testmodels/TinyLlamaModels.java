package dev.voicebot.brain.llm.testmodels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.voicebot.brain.llm.LlmSettings;
import dev.voicebot.brain.llm.prompt.SystemPrompt;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Tiny llama-architecture GGUF models that real llama.cpp loads in milliseconds (about 0.5 MB, F32).
 *
 * <p>The vocabulary is {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte tokens {@code <0x00>}..{@code <0xFF>}
 * (so any text is encodable), the ChatML markers {@code <|im_start|>} and {@code <|im_end|>} (the end of
 * generation), a few sentence tokens, SentencePiece pieces that spell the words of the default system prompt
 * compactly (about 500 tokens), and for a scripted model the pieces of its script. The
 * {@code tokenizer.chat_template} is ChatML, so a rendered chat ends with {@code <|im_start|>assistant\n}.
 *
 * <p>A <em>scripted</em> model has hand-set weights that make it emit one chosen text after that prompt, at any
 * temperature: attention and feed-forward weights are zero, so each position's logits depend on its own token
 * only; the prompt's last token (the newline byte) and the script's pieces get one-hot embeddings, and the
 * output matrix is a bigram table that maps each of them to its successor and the last piece to
 * {@code <|im_end|>}. A <em>random</em> model has seeded random weights and emits noise.
 */
public final class TinyLlamaModels {
    public static final int EMBEDDING = 64;
    public static final int LAYERS = 2;
    public static final int HEADS = 4;
    public static final int FEED_FORWARD = 128;
    public static final int TRAINED_CONTEXT = 4096;

    public static final String CHATML_TEMPLATE = "{% for message in messages %}"
            + "{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS_LEGACY = 2;
    static final int FIRST_BYTE = 3;
    static final int IM_START = FIRST_BYTE + 256;
    static final int IM_END = IM_START + 1;
    private static final int NEWLINE = FIRST_BYTE + '\n';
    /** Tokens every tiny model has, so that random text has sentence ends and words. */
    private static final List<String> COMMON_PIECES = List.of(". ", "! ", "? ", "다. ", "요. ", " the", " robot", " move");
    /**
     * Normal SentencePiece tokens that keep prompts short: the space mark, printable ASCII, and every
     * prefix of each word of the default system prompt (so SentencePiece can merge up to whole words).
     * Without them a space costs three byte tokens and the system prompt alone some 2000 tokens.
     */
    private static final List<String> WORD_PIECES = wordPieces();

    private static final int TOKEN_NORMAL = 1;
    private static final int TOKEN_UNKNOWN = 2;
    private static final int TOKEN_CONTROL = 3;
    private static final int TOKEN_USER_DEFINED = 4;
    private static final int TOKEN_BYTE = 6;

    private TinyLlamaModels() {
    }

    /** Writes a model that answers every ChatML prompt with exactly {@code script}, then ends. */
    public static Path scripted(Path file, String script) throws IOException {
        scriptedWriter(script).write(file);
        return file;
    }

    /** The writer of {@link #scripted}, for tests that want to damage or change the file first. */
    public static GgufWriter scriptedWriter(String script) {
        return scriptedWriter(List.of(script));
    }

    /**
     * A model that knows several scripts but starts the first after the prompt; the others are dormant
     * chains that an adapter from {@link #switchingAdapter} can make it start instead.
     */
    public static GgufWriter scriptedWriter(List<String> scripts) {
        Scripted s = Scripted.of(scripts);
        int n = s.vocab.size();
        float[] embedding = new float[EMBEDDING * n];
        float[] output = new float[EMBEDDING * n];
        for (int c = 0; c < s.chains.size(); c++) {
            List<Integer> chain = s.chains.get(c);
            // Only the first script starts at the newline; the others' chains begin at their first piece.
            for (int k = c == 0 ? 0 : 1; k < chain.size(); k++) {
                int token = chain.get(k);
                int successor = k + 1 < chain.size() ? chain.get(k + 1) : IM_END;
                embedding[token * EMBEDDING + s.dims.get(c).get(k)] = 1f;
                output[successor * EMBEDDING + s.dims.get(c).get(k)] = 5f;
            }
        }
        return model(s.vocab, s.types, embedding, output, (name, size) -> new float[size]);
    }

    /**
     * A rank-1 LoRA adapter for {@code scriptedWriter(scripts)} that rewires the prompt's last token from
     * the first script to script number {@code target}: the model then emits that script instead.
     */
    public static GgufWriter switchingAdapter(List<String> scripts, int target) {
        Scripted s = Scripted.of(scripts);
        int n = s.vocab.size();
        float[] a = new float[EMBEDDING];
        a[0] = 1f; // read the newline's one-hot dimension
        float[] b = new float[n];
        b[s.chains.get(0).get(1)] = -10f;
        b[s.chains.get(target).get(1)] = 10f;
        return new GgufWriter()
                .putString("general.architecture", "llama")
                .putString("general.type", "adapter")
                .putString("adapter.type", "lora")
                .putFloat32("adapter.lora.alpha", 1f)
                .addF32("output.weight.lora_a", new long[] {EMBEDDING, 1}, a)
                .addF32("output.weight.lora_b", new long[] {1, n}, b);
    }

    /** The vocabulary and the token chains (newline first, then pieces) of some scripts, with each token's one-hot dimension. */
    private static final class Scripted {
        final List<String> vocab = baseVocabulary();
        final List<Integer> types = baseTypes();
        final List<List<Integer>> chains = new ArrayList<>();
        final List<List<Integer>> dims = new ArrayList<>();

        static Scripted of(List<String> scripts) {
            Scripted s = new Scripted();
            Set<String> taken = new HashSet<>();
            int dim = 1;
            for (String script : scripts) {
                List<Integer> chain = new ArrayList<>(List.of(NEWLINE));
                List<Integer> chainDims = new ArrayList<>(List.of(0));
                for (String piece : pieces(script, taken)) {
                    int id = s.vocab.indexOf(piece);
                    if (id < 0) {
                        id = s.vocab.size();
                        s.vocab.add(piece);
                        s.types.add(TOKEN_USER_DEFINED);
                    }
                    taken.add(piece);
                    chain.add(id);
                    chainDims.add(dim++);
                }
                s.chains.add(chain);
                s.dims.add(chainDims);
            }
            if (dim > EMBEDDING) {
                throw new IllegalArgumentException("scripts too long for a " + EMBEDDING + "-dim tiny model: " + (dim - 1) + " pieces");
            }
            return s;
        }
    }

    /** Writes a model with seeded random weights: it emits noise, differently per seed. */
    public static Path random(Path file, long seed) throws IOException {
        randomWriter(seed).write(file);
        return file;
    }

    public static GgufWriter randomWriter(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> vocab = baseVocabulary();
        List<Integer> types = baseTypes();
        int n = vocab.size();
        float[] embedding = gaussian(random, EMBEDDING * n, 1.0);
        float[] output = gaussian(random, EMBEDDING * n, 0.5);
        return model(vocab, types, embedding, output, (name, size) -> gaussian(random, size, 0.2));
    }

    /** Splits a script into distinct pieces of a few characters (a vocabulary must not hold a text twice). */
    public static List<String> pieces(String script) {
        return pieces(script, Set.of());
    }

    private static List<String> pieces(String script, Set<String> otherScripts) {
        if (script.isEmpty()) {
            throw new IllegalArgumentException("empty script");
        }
        Set<String> taken = new HashSet<>(baseVocabulary());
        taken.removeAll(COMMON_PIECES);
        taken.addAll(otherScripts);
        int[] cps = script.codePoints().toArray();
        int length = Math.max(3, (cps.length + EMBEDDING - 3) / (EMBEDDING - 2));
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int i = 0;
        while (i < cps.length) {
            int end = Math.min(cps.length, i + length);
            String piece = new String(cps, i, end - i);
            while ((used.contains(piece) || taken.contains(piece)) && end < cps.length) {
                end++;
                piece = new String(cps, i, end - i);
            }
            if (used.contains(piece) || taken.contains(piece)) {
                // The tail repeats an earlier piece: glue it to the previous piece instead.
                String last = out.remove(out.size() - 1);
                used.remove(last);
                piece = last + piece;
            }
            out.add(piece);
            used.add(piece);
            i = end;
        }
        return out;
    }

    /** The tokens every tiny model starts with (a random model has exactly these). */
    public static List<String> baseVocabulary() {
        List<String> vocab = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            vocab.add(String.format("<0x%02X>", b));
        }
        vocab.add("<|im_start|>");
        vocab.add("<|im_end|>");
        vocab.addAll(COMMON_PIECES);
        vocab.addAll(WORD_PIECES);
        return vocab;
    }

    private static List<String> wordPieces() {
        String text = new SystemPrompt(LlmSettings.DEFAULT_PERSONA, LlmSettings.defaultVocabulary(), 4).build("en", "")
                + " hello hi please could would come closer here go forward backward left right what is your name how can help "
                + "tell me about yourself favourite colour story long again say something thank thanks yes no";
        Set<String> out = new LinkedHashSet<>();
        out.add("\u2581");
        for (char c = '!'; c <= '~'; c++) {
            out.add(String.valueOf(c));
        }
        for (String word : text.split("[^A-Za-z]+")) {
            for (int k = 1; k <= word.length() && word.length() >= 2; k++) {
                out.add("\u2581" + word.substring(0, k));
            }
        }
        return List.copyOf(out);
    }

    private static List<Integer> baseTypes() {
        List<Integer> types = new ArrayList<>(List.of(TOKEN_UNKNOWN, TOKEN_CONTROL, TOKEN_CONTROL));
        for (int b = 0; b < 256; b++) {
            types.add(TOKEN_BYTE);
        }
        types.add(TOKEN_CONTROL);
        types.add(TOKEN_CONTROL);
        for (int i = 0; i < COMMON_PIECES.size(); i++) {
            types.add(TOKEN_USER_DEFINED);
        }
        for (int i = 0; i < WORD_PIECES.size(); i++) {
            types.add(TOKEN_NORMAL);
        }
        return types;
    }

    @FunctionalInterface
    private interface Weights {
        float[] make(String name, int size);
    }

    private static GgufWriter model(List<String> vocab, List<Integer> types, float[] embedding, float[] output, Weights layerWeights) {
        int n = vocab.size();
        GgufWriter w = new GgufWriter()
                .putString("general.architecture", "llama")
                .putString("general.name", "tiny-test")
                .putUint32("llama.context_length", TRAINED_CONTEXT)
                .putUint32("llama.embedding_length", EMBEDDING)
                .putUint32("llama.block_count", LAYERS)
                .putUint32("llama.feed_forward_length", FEED_FORWARD)
                .putUint32("llama.attention.head_count", HEADS)
                .putUint32("llama.attention.head_count_kv", HEADS)
                .putUint32("llama.rope.dimension_count", EMBEDDING / HEADS)
                .putFloat32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .putString("tokenizer.ggml.model", "llama")
                .putStrings("tokenizer.ggml.tokens", vocab)
                .putFloat32s("tokenizer.ggml.scores", new float[n])
                .putInt32s("tokenizer.ggml.token_type", types.stream().mapToInt(Integer::intValue).toArray())
                .putUint32("tokenizer.ggml.unknown_token_id", UNK)
                .putUint32("tokenizer.ggml.bos_token_id", BOS)
                .putUint32("tokenizer.ggml.eos_token_id", IM_END)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false)
                .putString("tokenizer.chat_template", CHATML_TEMPLATE);
        w.addF32("token_embd.weight", new long[] {EMBEDDING, n}, embedding);
        w.addF32("output_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
        w.addF32("output.weight", new long[] {EMBEDDING, n}, output);
        for (int layer = 0; layer < LAYERS; layer++) {
            String p = "blk." + layer + ".";
            w.addF32(p + "attn_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
            for (String m : new String[] {"attn_q", "attn_k", "attn_v", "attn_output"}) {
                w.addF32(p + m + ".weight", new long[] {EMBEDDING, EMBEDDING}, layerWeights.make(m, EMBEDDING * EMBEDDING));
            }
            w.addF32(p + "ffn_norm.weight", new long[] {EMBEDDING}, ones(EMBEDDING));
            w.addF32(p + "ffn_gate.weight", new long[] {EMBEDDING, FEED_FORWARD}, layerWeights.make("ffn_gate", EMBEDDING * FEED_FORWARD));
            w.addF32(p + "ffn_up.weight", new long[] {EMBEDDING, FEED_FORWARD}, layerWeights.make("ffn_up", EMBEDDING * FEED_FORWARD));
            w.addF32(p + "ffn_down.weight", new long[] {FEED_FORWARD, EMBEDDING}, layerWeights.make("ffn_down", FEED_FORWARD * EMBEDDING));
        }
        return w;
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    private static float[] gaussian(SplittableRandom random, int n, double sigma) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller from two uniforms.
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            a[i] = (float) (sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return a;
    }
}
