package dev.voicebot.brain.llm.gguf;

import dev.voicebot.brain.llm.LlmUnavailableException;
import java.nio.file.Path;

/** A model or adapter file refused in Java, before llama.cpp sees it; the message names the file and the fault. */
public final class ModelFileException extends LlmUnavailableException {
    /** What is wrong with the file. */
    public enum Problem {
        /** There is no file at that path. */
        MISSING,
        /** The path is a directory or another non-regular file. */
        NOT_A_FILE,
        /** The file exists but cannot be read. */
        UNREADABLE,
        /** The file does not start with the GGUF magic. */
        NOT_GGUF,
        /** A GGUF version llama.cpp does not read (1, or newer than 3, or big-endian). */
        UNSUPPORTED_VERSION,
        /** The file ends before its header or its tensor data does: an interrupted download or copy. */
        TRUNCATED,
        /** The header is inconsistent: bad types, sizes, names or offsets. */
        MALFORMED,
        /** A well-formed GGUF that is not something this runtime can hand to llama.cpp (no vocabulary, not an adapter, ...). */
        INCOMPATIBLE
    }

    private final Path file;
    private final Problem problem;

    public ModelFileException(Path file, Problem problem, String detail) {
        this(file, problem, detail, null);
    }

    public ModelFileException(Path file, Problem problem, String detail, Throwable cause) {
        super("model file " + file + ": " + problem.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
