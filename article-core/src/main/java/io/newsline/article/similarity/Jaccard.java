package io.newsline.article.similarity;

/** Jaccard similarity of shingle sets: exact over sorted hash arrays, or estimated from MinHash signatures. */
public final class Jaccard {
    private Jaccard() {}

    /**
     * {@code |a ∩ b| / |a ∪ b|} of two sorted arrays of distinct values (as {@link Shingles} makes them), by one
     * merge pass. Two empty sets have similarity 0: an empty body is nobody's duplicate.
     */
    public static double exact(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** {@link #exact(int[], int[])} for sorted arrays of distinct 64-bit hashes. */
    public static double exact(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /**
     * The MinHash estimate of the similarity: the share of signature positions where the two agree. Its standard
     * error is {@code sqrt(s(1-s)/n)} for {@code n} hashes, about 0.044 at s = 0.5 with 128 hashes, which is why
     * candidates are verified with {@link #exact} before they are called duplicates.
     */
    public static double estimate(int[] signatureA, int[] signatureB) {
        if (signatureA.length != signatureB.length || signatureA.length == 0) {
            throw new IllegalArgumentException("signatures must have the same, non-zero length");
        }
        int equal = 0;
        for (int i = 0; i < signatureA.length; i++) {
            if (signatureA[i] == signatureB[i]) {
                equal++;
            }
        }
        return (double) equal / signatureA.length;
    }
}
