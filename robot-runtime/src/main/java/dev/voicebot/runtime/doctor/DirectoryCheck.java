package dev.voicebot.runtime.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A directory the runtime writes to (data, models): writable, or creatable in a writable parent. */
public final class DirectoryCheck implements Check {
    private final String name;
    private final Path dir;
    private final String key;
    private final boolean required;

    /** {@code required} false turns a problem into a warning (e.g. the models directory only matters to pull). */
    public DirectoryCheck(String name, Path dir, String key, boolean required) {
        this.name = name;
        this.dir = dir;
        this.key = key;
        this.required = required;
    }

    @Override
    public List<Finding> run() {
        if (Files.isDirectory(dir)) {
            if (Files.isWritable(dir)) {
                return List.of(Finding.ok(name, dir + " (writable)"));
            }
            return List.of(problem(dir + " is not writable by this user", "fix its owner/permissions, or set " + key));
        }
        if (Files.exists(dir)) {
            return List.of(problem(dir + " exists but is not a directory", "remove it or set " + key));
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent != null && Files.isDirectory(parent) && Files.isWritable(parent)) {
            return List.of(Finding.ok(name, dir + " (created on first use)"));
        }
        return List.of(problem(dir + " does not exist and " + parent + " is not writable", "create it for this user, or set " + key));
    }

    private Finding problem(String detail, String advice) {
        return required ? Finding.fail(name, detail, advice) : Finding.warn(name, detail, advice);
    }
}
