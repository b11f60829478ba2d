package dev.voicebot.runtime.data;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's base directories as the XDG Base Directory specification defines them:
 * {@code $XDG_DATA_HOME} (else {@code ~/.local/share}) and {@code $XDG_CACHE_HOME} (else {@code ~/.cache}).
 * A relative XDG value is ignored, as the specification says.
 */
public record UserDirs(Path home, Path dataHome, Path cacheHome) {
    public UserDirs {
        ensureNotNull(home, "home");
        ensureNotNull(dataHome, "dataHome");
        ensureNotNull(cacheHome, "cacheHome");
    }

    /** From the process environment ({@code HOME}, {@code XDG_...}), falling back to {@code user.home}. */
    public static UserDirs from(Map<String, String> env) {
        ensureNotNull(env, "env");
        String homeText = env.getOrDefault("HOME", "");
        Path home = homeText.isBlank() || !Path.of(homeText).isAbsolute() ? Path.of(System.getProperty("user.home")) : Path.of(homeText);
        return new UserDirs(home,
                absolute(env.get("XDG_DATA_HOME")).orElse(home.resolve(".local").resolve("share")),
                absolute(env.get("XDG_CACHE_HOME")).orElse(home.resolve(".cache")));
    }

    private static java.util.Optional<Path> absolute(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? java.util.Optional.of(p) : java.util.Optional.empty();
    }
}
