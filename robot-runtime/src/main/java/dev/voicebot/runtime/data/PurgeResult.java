package dev.voicebot.runtime.data;

/** What {@link DataDirectory#purge()} removed: regular files and their total size, and directories. */
public record PurgeResult(long files, long bytes, long directories) {
}
