package dev.voicebot.runtime.privacy;

import static dev.voicebot.config.Checks.ensureNotNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a retention limit on the files of one directory: files last written before
 * {@code now - maxAge} are deleted, then the oldest files (by name, which starts with the time they
 * were created) until the rest fit in {@code maxTotalBytes}. Files in {@code keep} (a log's file
 * being written) are never deleted here but count towards the total.
 */
public record FileRetention(Duration maxAge, long maxTotalBytes) {
    private static final Logger log = LoggerFactory.getLogger(FileRetention.class);

    public FileRetention {
        ensureNotNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxTotalBytes must be positive: " + maxTotalBytes);
        }
    }

    public static FileRetention of(dev.voicebot.config.RetentionConfig config) {
        return new FileRetention(config.maxAge(), config.maxTotalBytes());
    }

    /** Applies the limits; returns the files it deleted. A missing directory has nothing to delete. */
    public List<Path> enforce(Path dir, Predicate<Path> matches, Instant now, Set<Path> keep) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && matches.test(f)) {
                    try {
                        entries.add(new Entry(f, Files.getLastModifiedTime(f).toInstant(), Files.size(f)));
                    } catch (NoSuchFileException gone) {
                        // deleted meanwhile
                    }
                }
            }
        }
        entries.sort(Comparator.comparing(e -> e.file().getFileName().toString()));
        Instant cutoff = now.minus(maxAge);
        long total = 0;
        List<Entry> kept = new ArrayList<>();
        for (Entry e : entries) {
            if (!keep.contains(e.file()) && e.modified().isBefore(cutoff)) {
                delete(e.file(), deleted, "older than " + maxAge);
            } else {
                kept.add(e);
                total += e.size();
            }
        }
        for (Entry e : kept) {
            if (total <= maxTotalBytes) {
                break;
            }
            if (!keep.contains(e.file())) {
                delete(e.file(), deleted, "over the size limit of " + maxTotalBytes + " bytes");
                total -= e.size();
            }
        }
        return deleted;
    }

    private static void delete(Path file, List<Path> deleted, String why) throws IOException {
        if (Files.deleteIfExists(file)) {
            deleted.add(file);
            log.debug("retention: deleted {} ({})", file, why);
        }
    }

    private record Entry(Path file, Instant modified, long size) {
    }
}
