package dev.voicebot.runtime.models;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;

/** Fake model files for tests: the right magic bytes followed by random bytes. Never real weights. */
public final class TestModels {
    private TestModels() {
    }

    public static byte[] gguf(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        System.arraycopy("GGUF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        return b;
    }

    public static byte[] ggml(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        b[0] = 0x6c;
        b[1] = 0x6d;
        b[2] = 0x67;
        b[3] = 0x67;
        return b;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CatalogueEntry entry(String name, ModelKind kind, URI url, byte[] data, boolean withChecksum) {
        return new CatalogueEntry(name, kind, name + (kind == ModelKind.LLM ? ".gguf" : ".bin"), url, (long) data.length,
                withChecksum ? sha256(data) : null, null, "Apache-2.0", "a test model");
    }

    /** A catalogue file with one entry, as {@code models.catalogue} takes it. */
    public static Path catalogueFile(Path dir, CatalogueEntry e) throws IOException {
        String json = """
                {"models": [{"name": "%s", "kind": "%s", "file": "%s", "url": "%s", "sizeBytes": %d, "sha256": %s, "sha1": null,
                  "licence": "%s", "description": "%s"}]}
                """.formatted(e.name(), e.kind().wire(), e.file(), e.url(), e.sizeBytes(),
                e.sha256() == null ? "null" : "\"" + e.sha256() + "\"", e.licence(), e.description());
        Path file = dir.resolve("catalogue.json");
        Files.writeString(file, json);
        return file;
    }
}
