package dev.voicebot.runtime.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The container format of a model file, told from its first four bytes. Native loaders abort the
 * whole JVM on some malformed files, so files are checked here before anything hands them over.
 */
public enum FileFormat {
    /** llama.cpp's GGUF: the ASCII bytes {@code GGUF}. */
    GGUF("GGUF (llama.cpp)"),
    /** whisper.cpp's legacy ggml container: magic 0x67676d6c stored little-endian. */
    GGML("ggml (whisper.cpp)"),
    /** Older llama.cpp containers (ggjt, ggmf, ggla) that current llama.cpp no longer reads. */
    LEGACY_LLAMA("legacy llama.cpp (ggjt/ggmf/ggla), no longer supported"),
    /** Shorter than a header, or some other format (an HTML error page, a zip, ...). */
    UNKNOWN("not a model file");

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Reads the first bytes of {@code file}. */
    public static FileFormat of(Path file) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 4);
        }
        return n < 4 ? UNKNOWN : of(head);
    }

    /** Classifies a header of at least four bytes. */
    public static FileFormat of(byte[] head) {
        if (head.length < 4) {
            return UNKNOWN;
        }
        int le = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        if (head[0] == 'G' && head[1] == 'G' && head[2] == 'U' && head[3] == 'F') {
            return GGUF;
        }
        if (le == 0x67676d6c) {
            return GGML;
        }
        if (le == 0x67676a74 || le == 0x67676d66 || le == 0x67676c61) {
            return LEGACY_LLAMA;
        }
        return UNKNOWN;
    }
}
