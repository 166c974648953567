package io.newsline.article.similarity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Word shingles of an article body, as hashes: the body is normalized exactly as for the exact-duplicate
 * fingerprint ({@link BodyFingerprint#normalize}: NFKC, lower case, quotes dropped, every run of other
 * non-alphanumerics one space), split into words, and every run of {@code size} consecutive words is one
 * shingle. A body shorter than {@code size} words is one shingle.
 *
 * <p>Each shingle is hashed to 32 bits (the low half of {@link Murmur3#hash64} of its UTF-8 words joined by single
 * spaces, seed {@value #SEED}); an article's shingle set is the sorted array of its distinct hashes. 32 bits keep
 * the stored sets small; two different shingles of two articles collide with probability about
 * {@code |A| * |B| / 2^32}, below 0.001 for two articles of 2,000 words, so a Jaccard similarity over the hashes is
 * the one over the shingles for every practical purpose.
 */
public final class Shingles {
    /** The default shingle size in words. */
    public static final int DEFAULT_SIZE = 5;

    static final int SEED = 0x5348494e; // "SHIN"

    private Shingles() {}

    /** The sorted distinct shingle hashes of a body given as paragraphs. */
    public static int[] of(List<String> bodyParagraphs, int size) {
        return ofNormalized(BodyFingerprint.normalize(String.join("\n", bodyParagraphs)), size);
    }

    /** The sorted distinct shingle hashes of text already normalized by {@link BodyFingerprint#normalize}. */
    public static int[] ofNormalized(String normalized, int size) {
        long[] full = hashes64(normalized, size);
        int[] hashes = new int[full.length];
        for (int i = 0; i < full.length; i++) {
            hashes[i] = (int) full[i];
        }
        return distinctSorted(hashes);
    }

    /**
     * The sorted distinct full 64-bit shingle hashes of a body: for ground truth, where the 32-bit truncation of
     * {@link #of} should not be taken for granted.
     */
    public static long[] of64(List<String> bodyParagraphs, int size) {
        long[] hashes = hashes64(BodyFingerprint.normalize(String.join("\n", bodyParagraphs)), size);
        Arrays.sort(hashes);
        int n = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[n++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, n);
    }

    /** One 64-bit hash per shingle position, unsorted, repeats included. */
    private static long[] hashes64(String normalized, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("shingle size must be at least 1: " + size);
        }
        if (normalized.isEmpty()) {
            return new long[0];
        }
        byte[] text = normalized.getBytes(StandardCharsets.UTF_8);
        // Word starts in the UTF-8 bytes; a normalized text has single spaces between words and none at the ends.
        int[] starts = new int[text.length / 2 + 2];
        int words = 0;
        starts[words++] = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == ' ') {
                starts[words++] = i + 1;
            }
        }
        starts[words] = text.length + 1; // as if a space followed the last word
        int count = Math.max(1, words - size + 1);
        long[] hashes = new long[count];
        for (int first = 0; first < count; first++) {
            int last = Math.min(first + size, words);
            int from = starts[first];
            int to = starts[last] - 1;
            hashes[first] = Murmur3.hash64(text, from, to - from, SEED);
        }
        return hashes;
    }

    /** Sorts and removes repeats, in place where possible. */
    static int[] distinctSorted(int[] hashes) {
        Arrays.sort(hashes);
        int n = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                hashes[n++] = hashes[i];
            }
        }
        return n == hashes.length ? hashes : Arrays.copyOf(hashes, n);
    }

    /** A shingle set as bytes: 4 bytes per hash, big-endian, in the array's order. */
    public static byte[] toBytes(int[] shingles) {
        ByteBuffer buffer = ByteBuffer.allocate(shingles.length * Integer.BYTES);
        buffer.asIntBuffer().put(shingles);
        return buffer.array();
    }

    /** The inverse of {@link #toBytes}. */
    public static int[] fromBytes(ByteBuffer bytes) {
        ByteBuffer view = bytes.duplicate();
        if (view.remaining() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a shingle set is a multiple of 4 bytes, not " + view.remaining());
        }
        int[] shingles = new int[view.remaining() / Integer.BYTES];
        view.asIntBuffer().get(shingles);
        return shingles;
    }
}
