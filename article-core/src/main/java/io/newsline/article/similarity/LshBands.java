package io.newsline.article.similarity;

import java.nio.ByteBuffer;

/**
 * Locality-sensitive hashing of MinHash signatures by banding: the signature's {@code bands * rows} values are cut
 * into {@code bands} consecutive bands of {@code rows} values, and each band is hashed to one 64-bit key. Two
 * articles with Jaccard similarity {@code s} share at least one band key with probability
 * {@code 1 - (1 - s^rows)^bands}, an S-curve that is steep around {@code (1/bands)^(1/rows)}; only articles that
 * share a key are compared. The key of band {@code b} hashes the band index too, so equal values in different
 * bands do not collide.
 */
public record LshBands(int bands, int rows) {
    static final int SEED = 0x4c534842; // "LSHB"

    public LshBands {
        if (bands < 1 || rows < 1) {
            throw new IllegalArgumentException("bands and rows must be at least 1: " + bands + " x " + rows);
        }
    }

    /** How many MinHash values a signature needs: {@code bands * rows}. */
    public int numHashes() {
        return bands * rows;
    }

    /** The band keys of a signature of {@link #numHashes()} values, one per band, in band order. */
    public long[] keys(int[] signature) {
        if (signature.length != numHashes()) {
            throw new IllegalArgumentException("signature has " + signature.length + " values, " + bands + " x " + rows
                    + " bands need " + numHashes());
        }
        long[] keys = new long[bands];
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * (rows + 1));
        for (int band = 0; band < bands; band++) {
            buffer.clear();
            buffer.putInt(band);
            for (int row = 0; row < rows; row++) {
                buffer.putInt(signature[band * rows + row]);
            }
            keys[band] = Murmur3.hash64(buffer.array(), SEED);
        }
        return keys;
    }

    /** The probability that two sets of Jaccard similarity {@code similarity} share at least one band. */
    public double candidateProbability(double similarity) {
        return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
    }
}
