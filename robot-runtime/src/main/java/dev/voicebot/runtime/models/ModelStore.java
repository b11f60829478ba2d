package dev.voicebot.runtime.models;

import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.ModelsConfig;
import dev.voicebot.runtime.data.UserDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The directory downloaded models live in ({@code models.dir}; by default
 * {@code $XDG_CACHE_HOME/robot/models} or {@code ~/.cache/robot/models}), never the repository or
 * the working directory. A download in progress is {@code FILE.part} next to its final name.
 */
public final class ModelStore {
    public static final String PARTIAL_SUFFIX = ".part";

    private final Path dir;

    public ModelStore(Path dir) {
        ensureNotNull(dir, "dir");
        if (!dir.isAbsolute()) {
            throw new IllegalArgumentException("the models directory must be an absolute path, not " + dir);
        }
        this.dir = dir.normalize();
    }

    public static ModelStore resolve(ModelsConfig config, Map<String, String> env) {
        ensureNotNull(config, "models");
        return new ModelStore(config.dir() != null ? config.dir() : UserDirs.from(env).cacheHome().resolve("robot").resolve("models"));
    }

    public Path dir() {
        return dir;
    }

    /** Where {@code entry} lives once pulled. */
    public Path path(CatalogueEntry entry) {
        return dir.resolve(entry.file());
    }

    /** Where an unfinished download of {@code entry} is kept until it is verified. */
    public Path partial(CatalogueEntry entry) {
        return dir.resolve(entry.file() + PARTIAL_SUFFIX);
    }

    public boolean isInstalled(CatalogueEntry entry) {
        return Files.isRegularFile(path(entry));
    }

    public Path ensureCreated() throws IOException {
        return Files.createDirectories(dir);
    }

    /** Deletes the model and any unfinished download of it; true if anything was there. */
    public boolean remove(CatalogueEntry entry) throws IOException {
        boolean a = Files.deleteIfExists(path(entry));
        boolean b = Files.deleteIfExists(partial(entry));
        return a || b;
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
