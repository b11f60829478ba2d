package dev.voicebot.runtime.models;

import java.util.OptionalLong;

/** Hears how a download goes; {@link ProgressBar} draws it. Called on the downloading thread. */
public interface DownloadListener {
    /** The transfer begins; {@code resumedAt} bytes were already there from an earlier attempt. */
    void started(CatalogueEntry entry, long resumedAt, OptionalLong total);

    /** {@code bytes} of the file are now on disk (including resumed ones). */
    void progress(long bytes);

    /** The transfer ended (whatever the outcome); checking may follow. */
    void finished();

    /** A free-text remark (verifying, resuming, ...). */
    void note(String message);

    static DownloadListener silent() {
        return new DownloadListener() {
            public void started(CatalogueEntry entry, long resumedAt, OptionalLong total) {
            }

            public void progress(long bytes) {
            }

            public void finished() {
            }

            public void note(String message) {
            }
        };
    }
}
