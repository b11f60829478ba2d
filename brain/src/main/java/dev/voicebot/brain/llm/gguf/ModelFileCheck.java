package dev.voicebot.brain.llm.gguf;

import dev.voicebot.brain.llm.gguf.GgufFile.Array;
import dev.voicebot.brain.llm.gguf.ModelFileException.Problem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks, beyond the GGUF structure, what llama.cpp b4916 needs from a model or a LoRA adapter and
 * would otherwise abort the whole JVM over (an assertion, or a C++ exception across JNI): a string
 * architecture, a tokenizer with unique token texts, well-formed byte tokens, and for SentencePiece
 * ("llama") vocabularies all 256 byte tokens.
 */
public final class ModelFileCheck {
    private static final Pattern BYTE_TOKEN = Pattern.compile("<0x[0-9A-Fa-f]{2}>");
    private static final int TOKEN_TYPE_BYTE = 6;
    private static final long GGUF_INT32 = GgufReader.T_INT32;

    private ModelFileCheck() {
    }

    /** Reads and checks a model file; the returned header is safe to hand to llama.cpp. */
    public static GgufFile model(Path file) {
        GgufFile gguf = GgufReader.read(file);
        checkModel(gguf);
        return gguf;
    }

    /** Reads and checks a LoRA adapter for {@code model}. */
    public static GgufFile adapter(Path file, GgufFile model) {
        GgufFile gguf = GgufReader.read(file);
        checkAdapter(gguf, model);
        return gguf;
    }

    static void checkModel(GgufFile g) {
        Path f = g.path();
        String arch = architecture(g);
        if ("adapter".equals(g.string("general.type").orElse(""))) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "this is an adapter (general.type = adapter), not a model; configure it as brain.lora");
        }
        if (g.tensors().isEmpty()) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "it has no tensors (a vocabulary-only file?)");
        }
        String tokenizer = g.string("tokenizer.ggml.model").orElseThrow(() -> new ModelFileException(f, Problem.INCOMPATIBLE,
                "it has no tokenizer (tokenizer.ggml.model is missing), so it cannot read text"));
        if (tokenizer.equals("no_vocab") || tokenizer.equals("none")) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "its tokenizer is '" + tokenizer + "', so it cannot read text");
        }
        Array tokens = g.array("tokenizer.ggml.tokens").filter(a -> a.elementType() == GgufReader.T_STRING)
                .orElseThrow(() -> new ModelFileException(f, Problem.INCOMPATIBLE, "tokenizer.ggml.tokens is missing or not a list of texts"));
        if (tokens.length() == 0) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "tokenizer.ggml.tokens is empty");
        }
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < tokens.values().size(); i++) {
            if (!seen.add(tokens.values().get(i))) {
                throw new ModelFileException(f, Problem.INCOMPATIBLE, "token " + i + " repeats the text '" + tokens.values().get(i)
                        + "' of an earlier token; llama.cpp aborts on duplicate token texts");
            }
        }
        checkSameLength(g, "tokenizer.ggml.scores", tokens.length());
        checkSameLength(g, "tokenizer.ggml.token_type", tokens.length());
        Optional<Array> types = g.array("tokenizer.ggml.token_type");
        if (types.isPresent()) {
            if (types.get().elementType() != GGUF_INT32) {
                throw new ModelFileException(f, Problem.INCOMPATIBLE, "tokenizer.ggml.token_type must be a list of int32");
            }
            List<Object> t = types.get().values();
            for (int i = 0; i < t.size(); i++) {
                if (((Long) t.get(i)) == TOKEN_TYPE_BYTE) {
                    String text = (String) tokens.values().get(i);
                    if (tokenizer.equals("bert") || !BYTE_TOKEN.matcher(text).matches()) {
                        throw new ModelFileException(f, Problem.INCOMPATIBLE, "token " + i + " '" + text
                                + "' is typed as a byte token but is not of the form <0xHH> (or the tokenizer has no byte tokens)");
                    }
                }
            }
        }
        if (tokenizer.equals("llama")) {
            for (int b = 0; b < 256; b++) {
                String name = String.format("<0x%02X>", b);
                if (!seen.contains(name)) {
                    throw new ModelFileException(f, Problem.INCOMPATIBLE, "its SentencePiece vocabulary lacks the byte token " + name
                            + "; llama.cpp needs all 256 to encode arbitrary text");
                }
            }
        }
        if (g.has("tokenizer.chat_template") && g.string("tokenizer.chat_template").isEmpty()) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "tokenizer.chat_template is not a text");
        }
        if (!g.has(arch + ".context_length")) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, arch + ".context_length is missing");
        }
    }

    static void checkAdapter(GgufFile a, GgufFile model) {
        Path f = a.path();
        String arch = architecture(a);
        if (!"adapter".equals(a.string("general.type").orElse(""))) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "this is not an adapter (general.type is "
                    + a.string("general.type").map(s -> "'" + s + "'").orElse("missing") + ")");
        }
        if (!"lora".equals(a.string("adapter.type").orElse(""))) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "this is not a LoRA adapter (adapter.type is "
                    + a.string("adapter.type").map(s -> "'" + s + "'").orElse("missing") + ")");
        }
        String modelArch = architecture(model);
        if (!arch.equals(modelArch)) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "the adapter is for architecture '" + arch
                    + "' but the model " + model.path() + " is '" + modelArch + "'");
        }
        if (a.tensors().isEmpty()) {
            throw new ModelFileException(f, Problem.INCOMPATIBLE, "the adapter has no tensors");
        }
    }

    private static String architecture(GgufFile g) {
        Object arch = g.metadata().get("general.architecture");
        if (!(arch instanceof String s) || s.isBlank()) {
            throw new ModelFileException(g.path(), Problem.INCOMPATIBLE, arch == null
                    ? "general.architecture is missing"
                    : "general.architecture must be a text, not " + arch);
        }
        return s;
    }

    private static void checkSameLength(GgufFile g, String key, long expected) {
        if (!g.has(key)) {
            return;
        }
        Optional<Array> a = g.array(key);
        if (a.isEmpty() || a.get().length() != expected) {
            throw new ModelFileException(g.path(), Problem.INCOMPATIBLE, key + " has " + a.map(x -> x.length() + " entries").orElse("no list")
                    + " but there are " + expected + " tokens; llama.cpp would read past its end");
        }
    }
}
