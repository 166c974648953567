package io.newsline.producer;

import io.newsline.producer.read.FailureReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * What a run did, counted as it goes. Updated from the run's thread and from Kafka's send callbacks, so every
 * method is synchronized; the counts are small and updates rare compared with reading a file.
 */
public final class RunSummary {
    private final String topic;
    private final boolean dryRun;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long endNanos = -1;

    private long published;
    private long publishedBytes;
    private long duplicates;
    private long duplicateBytes;
    private long unchanged;
    private long unchangedBytes;
    private long failedBytes;
    private long notRead;
    private final Map<FailureReason, Long> failures = new EnumMap<>(FailureReason.class);
    private final Map<String, Long> mediaTypes = new TreeMap<>();
    private final Map<String, Long> charsets = new TreeMap<>();

    public RunSummary(String topic, boolean dryRun, LongSupplier nanoClock) {
        this.topic = topic;
        this.dryRun = dryRun;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /** A file the broker acknowledged (or, in a dry run, one that would have been sent). */
    public synchronized void published(long bytes, String mediaType, String charset) {
        published++;
        publishedBytes += bytes;
        mediaTypes.merge(mediaType, 1L, Long::sum);
        charsets.merge(charset, 1L, Long::sum);
    }

    public synchronized void failed(FailureReason reason, long bytes) {
        failures.merge(reason, 1L, Long::sum);
        failedBytes += bytes;
    }

    /** A file with the same bytes as one already sent in this run, so the same article id: not sent again. */
    public synchronized void duplicate(long bytes) {
        duplicates++;
        duplicateBytes += bytes;
    }

    /** A file seen again with the bytes it had when it was sent in this run (touched, or seen twice): not resent. */
    public synchronized void unchanged(long bytes) {
        unchanged++;
        unchangedBytes += bytes;
    }

    /** Files that were listed but not read because the run was stopped. */
    public synchronized void notRead(long files) {
        notRead += files;
    }

    public synchronized void finish() {
        if (endNanos < 0) {
            endNanos = nanoClock.getAsLong();
        }
    }

    public synchronized long published() {
        return published;
    }

    public synchronized long publishedBytes() {
        return publishedBytes;
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long unchanged() {
        return unchanged;
    }

    public synchronized long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long failed(FailureReason reason) {
        return failures.getOrDefault(reason, 0L);
    }

    public synchronized Map<FailureReason, Long> failures() {
        return failures.isEmpty() ? Map.of() : new EnumMap<>(failures);
    }

    public synchronized long notRead() {
        return notRead;
    }

    public synchronized boolean hasFailures() {
        return !failures.isEmpty();
    }

    /** Files with a final outcome: published, failed, or skipped as duplicates or unchanged. */
    public synchronized long filesDone() {
        return published + failed() + duplicates + unchanged;
    }

    public synchronized long bytesDone() {
        return publishedBytes + failedBytes + duplicateBytes + unchangedBytes;
    }

    public synchronized Duration elapsed() {
        return Duration.ofNanos((endNanos < 0 ? nanoClock.getAsLong() : endNanos) - startNanos);
    }

    /** The summary printed at the end of a run, one line per aspect with aligned labels. */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        String sent = files(published) + ", " + ByteSizes.format(publishedBytes) + " to " + topic;
        if (published > 0) {
            sent += " (" + counts(mediaTypes) + "; " + counts(charsets) + ")";
        }
        lines.add(dryRun ? line("Would publish", sent + " - dry run, nothing sent") : line("Published", sent));
        long failed = failed();
        lines.add(line(
                "Failed",
                failed == 0
                        ? "0"
                        : files(failed) + " ("
                                + failures.entrySet().stream()
                                        .map(e -> e.getKey().label() + " " + e.getValue())
                                        .collect(Collectors.joining(", "))
                                + ")"));
        if (duplicates > 0) {
            lines.add(line(
                    "Duplicates",
                    files(duplicates) + " skipped (--skip-identical: same bytes as a file sent earlier in this run)"));
        }
        if (unchanged > 0) {
            lines.add(line("Unchanged", files(unchanged) + " seen again with the bytes already sent, not resent"));
        }
        if (notRead > 0) {
            lines.add(line("Not read", files(notRead) + " (the run was stopped)"));
        }
        double seconds = Math.max(elapsed().toNanos() / 1e9, 1e-9);
        lines.add(line(
                "Elapsed",
                String.format(
                        Locale.ROOT,
                        "%.1f s (%.1f files/s, %s/s)",
                        seconds,
                        filesDone() / seconds,
                        ByteSizes.format(bytesDone() / seconds))));
        return lines;
    }

    private static String line(String label, String text) {
        return String.format(Locale.ROOT, "%-14s %s", label + ":", text);
    }

    private static String files(long n) {
        return n + (n == 1 ? " file" : " files");
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
