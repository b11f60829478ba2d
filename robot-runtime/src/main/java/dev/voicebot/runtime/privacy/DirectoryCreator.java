package dev.voicebot.runtime.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates a directory for kept data when the first file goes into it, for example a sub-directory
 * of the data directory (which gets its marker and owner-only permissions). Nothing is created
 * before something is written.
 */
@FunctionalInterface
public interface DirectoryCreator {
    void create(Path dir) throws IOException;

    /** Plain {@link Files#createDirectories}. */
    static DirectoryCreator plain() {
        return dir -> Files.createDirectories(dir);
    }
}
