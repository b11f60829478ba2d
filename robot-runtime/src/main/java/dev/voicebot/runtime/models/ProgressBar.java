package dev.voicebot.runtime.models;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Draws a download's progress on one line of a terminal (stderr), at most ten times a second:
 * {@code whisper-base [#########-----------]  45%  66.6/148.0 MB  5.2 MB/s}.
 */
public final class ProgressBar implements DownloadListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private String name = "";
    private OptionalLong total = OptionalLong.empty();
    private long startBytes;
    private long startNanos;
    private long lastDraw;
    private long bytes;
    private boolean drawn;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(CatalogueEntry entry, long resumedAt, OptionalLong total) {
        this.name = entry.name();
        this.total = total;
        this.startBytes = resumedAt;
        this.bytes = resumedAt;
        this.startNanos = System.nanoTime();
        this.lastDraw = 0;
        draw();
    }

    @Override
    public void progress(long bytes) {
        this.bytes = bytes;
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    @Override
    public void finished() {
        draw();
        if (drawn) {
            out.println();
            out.flush();
            drawn = false;
        }
    }

    @Override
    public void note(String message) {
        if (drawn) {
            out.println();
            drawn = false;
        }
        out.println(message);
        out.flush();
    }

    private void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double rate = (bytes - startBytes) / seconds;
        StringBuilder line = new StringBuilder("\r").append(name).append(' ');
        if (total.isPresent() && total.getAsLong() > 0) {
            double fraction = Math.min(1.0, bytes / (double) total.getAsLong());
            int filled = (int) Math.round(fraction * WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3d%%  %s/%s", (int) Math.floor(fraction * 100), megabytes(bytes), megabytes(total.getAsLong())));
        } else {
            line.append(megabytes(bytes));
        }
        line.append("  ").append(megabytes((long) rate)).append("/s   ");
        out.print(line);
        out.flush();
        drawn = true;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
