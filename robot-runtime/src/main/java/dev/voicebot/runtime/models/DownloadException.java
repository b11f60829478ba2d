package dev.voicebot.runtime.models;

/**
 * A model download did not produce a verified file. {@link #partialKept()} says whether the partial
 * file stays for a resume (an interrupted transfer) or was deleted (a checksum or format mismatch).
 */
public final class DownloadException extends Exception {
    private final boolean partialKept;

    public DownloadException(String message, boolean partialKept, Throwable cause) {
        super(message, cause);
        this.partialKept = partialKept;
    }

    public boolean partialKept() {
        return partialKept;
    }
}
