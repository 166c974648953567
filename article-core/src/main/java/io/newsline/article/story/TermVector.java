package io.newsline.article.story;

import io.newsline.article.similarity.Murmur3;
import java.util.Map;

/**
 * A sparse vector for dot products: its terms as 64-bit hashes in ascending order, with their weights in two arrays.
 * A dot product merges two sorted arrays: no hash-map lookups, no boxed weights, no pointer chasing (the comparisons
 * of a story with its up to 160 candidate stories were the merge recheck's largest cost, mostly {@code HashMap.get}).
 *
 * <p>Two distinct terms count as one only if their 64-bit hashes are equal: for the few hundred terms two vectors
 * hold, a chance below 10^-15 per comparison. Products are summed in hash order, not in a map's iteration order,
 * so a similarity may differ from the map-based sum in its last bits. Immutable.
 */
final class TermVector {
    private final long[] hashes;
    private final double[] weights;

    private TermVector(long[] hashes, double[] weights) {
        this.hashes = hashes;
        this.weights = weights;
    }

    static TermVector of(Map<String, Double> vector) {
        long[] hashes = new long[vector.size()];
        double[] weights = new double[vector.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            // Insertion sort by hash, weights carried along: a few hundred terms at most, sorted once per vector.
            long h = hash(e.getKey());
            int at = n++;
            while (at > 0 && hashes[at - 1] > h) {
                hashes[at] = hashes[at - 1];
                weights[at] = weights[at - 1];
                at--;
            }
            hashes[at] = h;
            weights[at] = e.getValue();
        }
        return new TermVector(hashes, weights);
    }

    /** The dot product with another vector. */
    double dot(TermVector other) {
        long[] a = hashes;
        long[] b = other.hashes;
        int i = 0;
        int j = 0;
        double dot = 0;
        while (i < a.length && j < b.length) {
            long x = a[i];
            long y = b[j];
            if (x == y) {
                dot += weights[i++] * other.weights[j++];
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** 64-bit FNV-1a over the term's chars, then a final mix (MurmurHash3's fmix64) to spread the bits. */
    static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (int k = 0; k < term.length(); k++) {
            h ^= term.charAt(k);
            h *= 0x100000001b3L;
        }
        return Murmur3.fmix64(h);
    }
}
