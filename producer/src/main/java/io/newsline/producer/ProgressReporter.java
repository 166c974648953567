package io.newsline.producer;

import io.newsline.producer.read.FailureReason;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Everything the run tells the user on stderr while it goes: a one-line progress bar (files done/total, size,
 * files/s, MiB/s), redrawn in place at most every {@link #MIN_REDRAW_INTERVAL_NANOS}, and a line per failed or
 * skipped file. Messages clear the bar first and redraw it after, so the two never mix on one line. Without a
 * bar (not a terminal, {@code --no-progress}, {@code --quiet}) only the messages are printed.
 */
public final class ProgressReporter {
    /** At most ten redraws a second: enough to look live, cheap on slow terminals. */
    public static final long MIN_REDRAW_INTERVAL_NANOS = 100_000_000L;

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean barEnabled;
    private final boolean quiet;
    private final RunSummary summary;
    private final LongSupplier nanoClock;
    private long totalFiles = -1;
    private long totalBytes = -1;
    private long lastDrawNanos;
    private boolean drawnOnce;
    private int drawnLength;

    /**
     * @param barEnabled whether to draw the progress bar (only sensible on a terminal)
     * @param quiet whether to leave out notices (failures are always reported)
     */
    public ProgressReporter(
            PrintWriter err, boolean barEnabled, boolean quiet, RunSummary summary, LongSupplier nanoClock) {
        this.err = err;
        this.barEnabled = barEnabled;
        this.quiet = quiet;
        this.summary = summary;
        this.nanoClock = nanoClock;
    }

    /** The number and size of the files to process, when known up front; without it the bar shows counts only. */
    public synchronized void total(long files, long bytes) {
        this.totalFiles = files;
        this.totalBytes = bytes;
    }

    /** Something progressed; redraws the bar unless it was drawn very recently. */
    public synchronized void tick() {
        if (!barEnabled) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (drawnOnce && now - lastDrawNanos < MIN_REDRAW_INTERVAL_NANOS) {
            return;
        }
        draw(now);
    }

    /** A file that will not be published, with the reason: always reported, whatever the verbosity. */
    public synchronized void failure(Path file, FailureReason reason, String detail) {
        message("FAILED [" + reason.label() + "] " + file + ": " + detail);
    }

    /** Information the user may want but that is not a failure; left out with {@code --quiet}. */
    public synchronized void notice(String text) {
        if (!quiet) {
            message(text);
        }
    }

    /** Removes the bar so the summary starts on a clean line. */
    public synchronized void finish() {
        clearBar();
        err.flush();
    }

    /** The bar's text as it would be drawn now. */
    public synchronized String render() {
        long files = summary.filesDone();
        long bytes = summary.bytesDone();
        double seconds = Math.max(summary.elapsed().toNanos() / 1e9, 1e-3);
        String rates =
                String.format(Locale.ROOT, "%.1f files/s  %s/s", files / seconds, ByteSizes.format(bytes / seconds));
        long failed = summary.failed();
        String failures = failed > 0 ? "  (" + failed + " failed)" : "";
        if (totalFiles < 0) {
            return String.format(Locale.ROOT, "%d files  %s  %s%s", files, ByteSizes.format(bytes), rates, failures);
        }
        double fraction = totalFiles == 0 ? 1.0 : Math.min(1.0, (double) files / totalFiles);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format(
                Locale.ROOT,
                "[%s%s] %3d%%  %d/%d files  %s/%s  %s%s",
                "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled),
                Math.round(fraction * 100),
                files,
                totalFiles,
                ByteSizes.format(bytes),
                ByteSizes.format(totalBytes),
                rates,
                failures);
    }

    private void message(String line) {
        boolean hadBar = drawnLength > 0;
        clearBar();
        err.println(line);
        if (hadBar) {
            draw(nanoClock.getAsLong());
        }
        err.flush();
    }

    private void draw(long now) {
        String line = render();
        // Carriage return and padding overwrite the previous bar in place without terminal escape codes.
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = line.length();
        lastDrawNanos = now;
        drawnOnce = true;
    }

    private void clearBar() {
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
        }
    }
}
