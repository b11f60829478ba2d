package dev.voicebot.config;

import java.nio.file.Path;

/**
 * The one directory that holds everything the runtime keeps (audit log, feedback, opt-in recordings).
 * {@code dir} null means the user's data directory ({@code $XDG_DATA_HOME/robot}, else
 * {@code ~/.local/share/robot}). {@code robot privacy purge} empties it.
 */
public record DataConfig(Path dir) {
    public DataConfig {
        if (dir != null && !dir.isAbsolute()) {
            throw new InvalidValueException("dir", dir, "an absolute path (never the working directory), or null for the user's data directory");
        }
    }
}
