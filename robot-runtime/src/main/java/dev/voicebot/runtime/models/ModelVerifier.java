package dev.voicebot.runtime.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** Checks a model file against its catalogue entry: present, header format, size, then checksum. */
public final class ModelVerifier {
    private ModelVerifier() {
    }

    /**
     * Checks {@code file} against {@code entry}; {@code progress} gets the bytes hashed so far (hashing
     * a large model takes seconds).
     */
    public static VerifyOutcome verify(CatalogueEntry entry, Path file, LongConsumer progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new VerifyOutcome.Missing(file);
        }
        FileFormat format = FileFormat.of(file);
        if (format != entry.kind().format()) {
            return new VerifyOutcome.WrongFormat(file, entry.kind().format(), format);
        }
        long size = Files.size(file);
        if (entry.sizeBytes() != null && size != entry.sizeBytes()) {
            return new VerifyOutcome.WrongSize(file, entry.sizeBytes(), size);
        }
        if (entry.checksum().isEmpty()) {
            return new VerifyOutcome.NoPublishedChecksum(file, Checksum.digest(file, Checksum.SHA_256, progress));
        }
        Checksum expected = entry.checksum().get();
        String actual = expected.digestOf(file, progress);
        return expected.matches(actual) ? new VerifyOutcome.Verified(file, expected) : new VerifyOutcome.Mismatch(file, expected, actual);
    }
}
