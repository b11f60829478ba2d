package dev.voicebot.runtime.data;

import static dev.voicebot.config.Checks.ensureNotBlank;
import static dev.voicebot.config.Checks.ensureNotNull;

import dev.voicebot.config.DataConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one directory that holds everything the runtime keeps: audit log, feedback, opt-in recordings.
 * The runtime writes nothing anywhere else (in particular nothing into the working directory).
 *
 * <p>The directory is created on first use with owner-only permissions and gets a marker file
 * ({@value #MARKER}); {@link #purge()} empties only a directory that carries the marker, so a
 * mistyped {@code data.dir} pointing at someone's documents is refused rather than wiped.
 */
public final class DataDirectory {
    public static final String MARKER = ".robot-data";
    public static final String APP = "robot";

    private final Path root;

    public DataDirectory(Path root) {
        ensureNotNull(root, "root");
        if (!root.isAbsolute()) {
            throw new IllegalArgumentException("the data directory must be an absolute path, not " + root);
        }
        this.root = root.normalize();
    }

    /** {@code data.dir} if set, else {@code $XDG_DATA_HOME/robot} or {@code ~/.local/share/robot}. */
    public static DataDirectory resolve(DataConfig config, Map<String, String> env) {
        ensureNotNull(config, "data");
        return new DataDirectory(config.dir() != null ? config.dir() : UserDirs.from(env).dataHome().resolve(APP));
    }

    public Path root() {
        return root;
    }

    /** Creates the directory (owner-only where the file system supports it) and its marker; returns the root. */
    public Path ensureCreated() throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            restrict(root);
        }
        Path marker = root.resolve(MARKER);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            Files.writeString(marker, "This directory holds the data of the robot runtime; `robot privacy purge` empties it.\n");
        }
        return root;
    }

    /** A sub-directory for one kind of data (e.g. {@code audit}, {@code feedback}, {@code recordings}), created on demand. */
    public Path subdirectory(String name) throws IOException {
        ensureNotBlank(name, "name");
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a sub-directory name must be one plain name, not " + name);
        }
        ensureCreated();
        Path dir = root.resolve(name);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrict(dir);
        }
        return dir;
    }

    /** True when the directory holds any file (or link) besides its marker; empty sub-directories are no data. */
    public boolean hasData() throws IOException {
        return usage().files() > 0;
    }

    /** What a purge would remove, without removing it. */
    public PurgeResult usage() throws IOException {
        return walk(false);
    }

    /**
     * Deletes everything inside the directory (symbolic links themselves, never what they point to)
     * and keeps the empty directory with its marker.
     *
     * @throws IOException when the directory is not one this runtime created (no marker), is the file
     *     system root or the home directory, or a file cannot be deleted
     */
    public PurgeResult purge() throws IOException {
        if (!Files.isDirectory(root)) {
            return new PurgeResult(0, 0, 0);
        }
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (root.getParent() == null || root.equals(home) || FileSystems.getDefault().getRootDirectories().iterator().next().equals(root)) {
            throw new IOException("refusing to purge " + root + ": it is the file system root or a home directory; set data.dir to a directory of its own");
        }
        if (!Files.exists(root.resolve(MARKER), LinkOption.NOFOLLOW_LINKS) && hasData()) {
            throw new IOException("refusing to purge " + root + ": it has no " + MARKER + " marker, so the robot runtime did not create it;"
                    + " check data.dir, or delete its contents by hand");
        }
        return walk(true);
    }

    private PurgeResult walk(boolean delete) throws IOException {
        if (!Files.isDirectory(root)) {
            return new PurgeResult(0, 0, 0);
        }
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong dirs = new AtomicLong();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (file.getParent().equals(root) && file.getFileName().toString().equals(MARKER)) {
                    return FileVisitResult.CONTINUE;
                }
                files.incrementAndGet();
                bytes.addAndGet(attrs.isRegularFile() ? attrs.size() : 0);
                if (delete) {
                    Files.delete(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                if (!dir.equals(root)) {
                    dirs.incrementAndGet();
                    if (delete) {
                        Files.delete(dir);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new PurgeResult(files.get(), bytes.get(), dirs.get());
    }

    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (or not ours to change): the default permissions stay
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
