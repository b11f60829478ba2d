package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.LongConsumer;

/** A published digest of a file: {@code SHA-256} (preferred) or {@code SHA-1}, as lower-case hex. */
public record Checksum(String algorithm, String hex) {
    public static final String SHA_256 = "SHA-256";
    public static final String SHA_1 = "SHA-1";

    public Checksum {
        ensureNotNull(algorithm, "algorithm");
        ensureNotNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
        int length = switch (algorithm) {
            case SHA_256 -> 64;
            case SHA_1 -> 40;
            default -> throw new IllegalArgumentException("unsupported checksum algorithm " + algorithm + "; use SHA-256 or SHA-1");
        };
        if (!hex.matches("[0-9a-f]{" + length + "}")) {
            throw new IllegalArgumentException("a " + algorithm + " checksum is " + length + " hex digits, not '" + hex + "'");
        }
    }

    /** The same algorithm's digest of {@code file}; {@code progress} gets the bytes read so far. */
    public String digestOf(Path file, LongConsumer progress) throws IOException {
        return digest(file, algorithm, progress);
    }

    public boolean matches(String actualHex) {
        return hex.equalsIgnoreCase(actualHex);
    }

    public static String digest(Path file, String algorithm, LongConsumer progress) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no " + algorithm, e);
        }
        byte[] buffer = new byte[1 << 16];
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
                done += n;
                progress.accept(done);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
