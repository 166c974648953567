package io.newsline.article.story;

import io.newsline.article.similarity.Murmur3;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A sparse vector of named terms: their 64-bit hashes in ascending order, with the terms and their weights in
 * parallel arrays. A dot product or a sum merges two sorted arrays: no hash-map lookups, no boxed weights, no pointer
 * chasing (the comparisons of a story with its up to 160 candidate stories were the merge recheck's largest cost,
 * mostly {@code HashMap.get}). A story's centroid is one ({@link Story}), so that adding an article, copying a story
 * and comparing it need neither a map nor a sort.
 *
 * <p>Two distinct terms count as one only if their 64-bit hashes are equal: for the few hundred terms two vectors
 * hold, a chance below 10^-15 per comparison. Products are summed in hash order, not in a map's iteration order,
 * so a similarity may differ from the map-based sum in its last bits. Immutable: every operation returns a new vector
 * (or this one), so vectors are shared freely, between copies of a story and between threads.
 */
final class TermVector {
    static final TermVector EMPTY = new TermVector(new long[0], new String[0], new double[0]);

    private final long[] hashes;
    private final String[] terms;
    private final double[] weights;

    private TermVector(long[] hashes, String[] terms, double[] weights) {
        this.hashes = hashes;
        this.terms = terms;
        this.weights = weights;
    }

    static TermVector of(Map<String, Double> vector) {
        String[] terms = new String[vector.size()];
        double[] weights = new double[vector.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : vector.entrySet()) {
            terms[n] = e.getKey();
            weights[n++] = e.getValue();
        }
        return of(terms, weights);
    }

    /** The vector of {@code terms} with their {@code weights}, given in any order (the arrays are not kept). */
    static TermVector of(String[] terms, double[] weights) {
        return of(terms, weights, new int[terms.length]);
    }

    /**
     * As {@link #of(String[], double[])}, also noting in {@code slots} where each term went ({@code slots[i]}: the
     * index in the vector of {@code terms[i]}).
     */
    static TermVector of(String[] terms, double[] weights, int[] slots) {
        int size = terms.length;
        if (size == 0) {
            return EMPTY; // a story's start, and each copy before it takes its centroid
        }
        long[] hashOf = new long[size];
        for (int i = 0; i < size; i++) {
            hashOf[i] = hash(terms[i]);
        }
        long[] hashes = hashOf.clone();
        Arrays.sort(hashes);
        // Each term goes where its hash is in the sorted hashes (the first free slot of equal ones): a primitive sort
        // and a binary search per term, where an insertion sort of a decoded story's 150 terms cost more than reading
        // them.
        String[] sortedTerms = new String[size];
        double[] sortedWeights = new double[size];
        for (int i = 0; i < size; i++) {
            int at = Arrays.binarySearch(hashes, hashOf[i]);
            while (at > 0 && hashes[at - 1] == hashOf[i]) {
                at--;
            }
            while (sortedTerms[at] != null) {
                at++;
            }
            slots[i] = at;
            sortedTerms[at] = terms[i];
            sortedWeights[at] = weights[i];
        }
        return new TermVector(hashes, sortedTerms, sortedWeights);
    }

    /** Whether a term is in the vector twice (a vector built from a map never has one). */
    boolean hasRepeatedTerm() {
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1] && terms[i].equals(terms[i - 1])) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code term} is in this vector, or -1. */
    int indexOf(String term) {
        long h = hash(term);
        int at = Arrays.binarySearch(hashes, h);
        if (at < 0) {
            return -1;
        }
        while (at > 0 && hashes[at - 1] == h) {
            at--;
        }
        for (; at < hashes.length && hashes[at] == h; at++) {
            if (terms[at].equals(term)) {
                return at;
            }
        }
        return -1;
    }

    /** Whether a term starting with {@code prefix} is in both vectors. */
    boolean sharesTermStartingWith(String prefix, TermVector other) {
        for (String term : terms) {
            if (term.startsWith(prefix) && other.indexOf(term) >= 0) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return hashes.length;
    }

    String term(int i) {
        return terms[i];
    }

    double weight(int i) {
        return weights[i];
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

    /**
     * How many shared terms the dot product with {@code other} rests on, effectively: {@code (sum p)^2 / sum p^2} over
     * the products {@code p} of the shared terms' weights (their participation ratio). {@code k} terms that
     * contribute alike give {@code k}; one term that carries nearly all of it, about 1; none shared, 0. A lookup of each
     * term in the other vector, asked only of a candidate that already reaches its threshold (one or two per article).
     */
    double dotBreadth(TermVector other) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < terms.length; i++) {
            int j = other.indexOf(terms[i]);
            if (j >= 0) {
                double product = weights[i] * other.weights[j];
                sum += product;
                squares += product * product;
            }
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }

    /**
     * The sum of this vector and {@code other}: a term of both weighs this vector's weight plus the other's (in that
     * order, as {@code Map.merge(term, w, Double::sum)} adds them).
     */
    TermVector plus(TermVector other) {
        int capacity = hashes.length + other.hashes.length;
        long[] h = new long[capacity];
        String[] t = new String[capacity];
        double[] w = new double[capacity];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < hashes.length || j < other.hashes.length) {
            if (j == other.hashes.length || (i < hashes.length && hashes[i] < other.hashes[j])) {
                h[n] = hashes[i];
                t[n] = terms[i];
                w[n++] = weights[i++];
            } else if (i == hashes.length || other.hashes[j] < hashes[i]) {
                h[n] = other.hashes[j];
                t[n] = other.terms[j];
                w[n++] = other.weights[j++];
            } else {
                h[n] = hashes[i];
                t[n] = terms[i];
                w[n++] = weights[i++] + other.weights[j++];
            }
        }
        return n == capacity
                ? new TermVector(h, t, w)
                : new TermVector(Arrays.copyOf(h, n), Arrays.copyOf(t, n), Arrays.copyOf(w, n));
    }

    /** The terms whose {@code keep} flag is set (indices as in this vector), in the same order. */
    TermVector retain(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        long[] h = new long[n];
        String[] t = new String[n];
        double[] w = new double[n];
        int at = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                h[at] = hashes[i];
                t[at] = terms[i];
                w[at++] = weights[i];
            }
        }
        return new TermVector(h, t, w);
    }

    /** Whether {@code term} is one of the vector's terms. */
    boolean contains(String term) {
        return indexOf(term) >= 0;
    }

    /** The sum of the squared weights, in hash order. */
    double squaredLength() {
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        return sum;
    }

    /** The terms and weights as a new map. */
    Map<String, Double> toMap() {
        Map<String, Double> map = new HashMap<>((int) (hashes.length / 0.75f) + 1);
        for (int i = 0; i < hashes.length; i++) {
            map.put(terms[i], weights[i]);
        }
        return map;
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
