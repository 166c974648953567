package io.newsline.article.similarity;

/**
 * MinHash signatures of shingle sets: value {@code i} of the signature is the smallest image of the set under
 * hash function {@code i}. Two sets agree on value {@code i} with probability equal to their Jaccard similarity,
 * which is what LSH banding ({@link LshBands}) and the estimate ({@link Jaccard#estimate}) rely on.
 *
 * <p>The hash functions are multiply-shift hashes of the 32-bit shingle hash {@code x}:
 * {@code h_i(x) = (a_i * x + b_i) >>> 32} over 64-bit arithmetic with odd {@code a_i}, a 2-universal family
 * (Dietzfelbinger), one multiplication and one addition per shingle and function. The coefficients come from a
 * SplitMix64 sequence with a fixed seed, so signatures are stable across runs, JVMs and versions: the signature of
 * a text is a fixed value (pinned in the tests), not merely consistent within one process.
 */
public final class MinHasher {
    static final long SEED = 0x6e6577736c696e65L; // "newsline"

    private final long[] multipliers;
    private final long[] increments;

    public MinHasher(int numHashes) {
        if (numHashes < 1) {
            throw new IllegalArgumentException("a signature needs at least one hash: " + numHashes);
        }
        multipliers = new long[numHashes];
        increments = new long[numHashes];
        long state = SEED;
        for (int i = 0; i < numHashes; i++) {
            state += 0x9e3779b97f4a7c15L;
            multipliers[i] = Murmur3.fmix64(state) | 1L;
            state += 0x9e3779b97f4a7c15L;
            increments[i] = Murmur3.fmix64(state);
        }
    }

    public int numHashes() {
        return multipliers.length;
    }

    /**
     * The signature of a shingle set (see {@link Shingles}); values are unsigned 32-bit numbers stored in ints. The
     * empty set has the all-ones signature.
     */
    public int[] signature(int[] shingles) {
        int n = multipliers.length;
        long[] mins = new long[n];
        java.util.Arrays.fill(mins, 0xffffffffL);
        for (int shingle : shingles) {
            long x = shingle & 0xffffffffL;
            for (int i = 0; i < n; i++) {
                long h = (multipliers[i] * x + increments[i]) >>> 32;
                if (h < mins[i]) {
                    mins[i] = h;
                }
            }
        }
        int[] signature = new int[n];
        for (int i = 0; i < n; i++) {
            signature[i] = (int) mins[i];
        }
        return signature;
    }
}
