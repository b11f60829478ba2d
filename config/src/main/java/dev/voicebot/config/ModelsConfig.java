package dev.voicebot.config;

import java.nio.file.Path;

/**
 * Where {@code robot models pull} keeps downloaded models: {@code dir} null means the user's cache
 * directory ({@code $XDG_CACHE_HOME/robot/models}, else {@code ~/.cache/robot/models}).
 * {@code catalogue} is an optional JSON or YAML file of extra catalogue entries (same format as the
 * built-in one); an entry with the name of a built-in one replaces it.
 */
public record ModelsConfig(Path dir, Path catalogue) {
    public ModelsConfig {
        if (dir != null && !dir.isAbsolute()) {
            throw new InvalidValueException("dir", dir, "an absolute path, or null for the user's cache directory");
        }
    }
}
