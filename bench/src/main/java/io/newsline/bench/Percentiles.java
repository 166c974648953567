package io.newsline.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by the nearest-rank method: the p-th percentile is a value that was actually measured. */
public final class Percentiles {
    private Percentiles() {}

    /**
     * @param p in (0, 100]
     * @return the smallest value such that at least p % of the values are less than or equal to it
     * @throws IllegalArgumentException if there are no values or p is out of range
     */
    public static long of(Collection<Long> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
