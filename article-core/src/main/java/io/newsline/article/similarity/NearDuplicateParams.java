package io.newsline.article.similarity;

import java.time.Duration;

/**
 * The settings of near-duplicate detection (see {@code docs/near-duplicates.md} for how the defaults were chosen).
 *
 * @param enabled whether the topology looks for near duplicates at all
 * @param shingleSize words per shingle
 * @param bands LSH bands; each article writes one band-store entry per band
 * @param rows MinHash values per band; the signature has {@code bands * rows} values
 * @param threshold the Jaccard similarity of the shingle sets from which two articles are near duplicates
 * @param retention how long an article stays findable as the original of a near duplicate
 */
public record NearDuplicateParams(
        boolean enabled, int shingleSize, int bands, int rows, double threshold, Duration retention) {

    public static final int DEFAULT_BANDS = 20;
    public static final int DEFAULT_ROWS = 2;
    public static final double DEFAULT_THRESHOLD = 0.5;

    public NearDuplicateParams {
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1: " + shingleSize);
        }
        if (bands < 1 || rows < 1 || (long) bands * rows > 1024) {
            throw new IllegalArgumentException(
                    "bands and rows must be at least 1 and bands x rows at most 1024: " + bands + " x " + rows);
        }
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("the threshold must be in (0, 1]: " + threshold);
        }
    }

    /** The defaults with the given switch; for tests and tools. */
    public static NearDuplicateParams defaults(boolean enabled) {
        return new NearDuplicateParams(
                enabled, Shingles.DEFAULT_SIZE, DEFAULT_BANDS, DEFAULT_ROWS, DEFAULT_THRESHOLD, Duration.ofDays(7));
    }

    public NearDuplicateParams withLsh(int newBands, int newRows, double newThreshold) {
        return new NearDuplicateParams(enabled, shingleSize, newBands, newRows, newThreshold, retention);
    }

    public LshBands lsh() {
        return new LshBands(bands, rows);
    }
}
