package dev.mapper.cli;

import dev.mapper.model.Sizes;
import dev.mapper.pull.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress of a download on a terminal's stderr: one line redrawn in place with the file, bytes so far and of
 * how many, the rate and the time left; redrawn at most ten times a second, and cleared when the file is done.
 */
final class ProgressBar implements Progress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private String name;
    private long size;
    private long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(String file, long expectedSize) {
        name = file;
        size = expectedSize;
        startNanos = System.nanoTime();
        lastDrawNanos = 0;
    }

    @Override
    public void advanced(long bytes) {
        long now = System.nanoTime();
        if (name == null || now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double seconds = Math.max((now - startNanos) / 1e9, 1e-3);
        double rate = bytes / seconds;
        StringBuilder line = new StringBuilder("\r\033[K").append(name).append("  ");
        if (size > 0) {
            int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * bytes / size);
            line.append('[').append("#".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(Sizes.of(bytes)).append(" / ").append(Sizes.of(size));
        } else {
            line.append(Sizes.of(bytes));
        }
        line.append("  ").append(Sizes.of((long) rate)).append("/s");
        if (size > 0 && rate > 0) {
            long left = (long) ((size - bytes) / rate);
            line.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
        }
        err.print(line);
        err.flush();
        drawn = true;
    }

    @Override
    public void finished() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
        name = null;
    }

    @Override
    public void waiting(String message) {
        finished();
        err.println("mapper: " + message);
        err.flush();
    }

    /** Off a terminal or with --quiet: no bar, only what the user must know (waiting for another pull). */
    static final class Messages implements Progress {
        private final PrintWriter err;

        Messages(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void waiting(String message) {
            err.println("mapper: " + message);
            err.flush();
        }
    }
}
