package io.newsline.article.similarity;

/**
 * MurmurHash3, x64 128-bit variant (Austin Appleby's reference {@code MurmurHash3_x64_128}), returning the first
 * 64 bits of the digest, as Guava's {@code Hashing.murmur3_128(seed).hashBytes(bytes).asLong()} does (for seeds
 * from 0; like the reference, and unlike Guava, a negative seed is taken as unsigned). Pure integer arithmetic
 * over the given bytes, so the value is the same on every JVM, platform and version: near-duplicate state (band
 * keys, shingle hashes) is stored under it. {@code String.hashCode} would do too but is only 32 bits and a poor
 * mix; a library for one function was not worth a dependency.
 */
public final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3() {}

    /** First 64 bits of MurmurHash3_x64_128 of {@code data[offset, offset + length)} with the given seed. */
    public static long hash64(byte[] data, int offset, int length, int seed) {
        long h1 = seed & 0xffffffffL;
        long h2 = seed & 0xffffffffL;
        int blocks = length / 16;
        for (int i = 0; i < blocks; i++) {
            int at = offset + i * 16;
            long k1 = littleEndianLong(data, at);
            long k2 = littleEndianLong(data, at + 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = offset + blocks * 16;
        int remaining = length & 15;
        if (remaining > 8) {
            long k2 = 0;
            for (int i = remaining - 1; i >= 8; i--) {
                k2 ^= (data[tail + i] & 0xffL) << ((i - 8) * 8);
            }
            h2 ^= mixK2(k2);
        }
        if (remaining > 0) {
            long k1 = 0;
            for (int i = Math.min(remaining, 8) - 1; i >= 0; i--) {
                k1 ^= (data[tail + i] & 0xffL) << (i * 8);
            }
            h1 ^= mixK1(k1);
        }
        h1 ^= length;
        h2 ^= length;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    /** {@link #hash64(byte[], int, int, int)} over the whole array. */
    public static long hash64(byte[] data, int seed) {
        return hash64(data, 0, data.length, seed);
    }

    /** MurmurHash3's 64-bit finalizer: a bijective avalanche mix of a long. */
    public static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long mixK1(long k1) {
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        return k1;
    }

    private static long mixK2(long k2) {
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        return k2;
    }

    private static long littleEndianLong(byte[] data, int at) {
        return (data[at] & 0xffL)
                | (data[at + 1] & 0xffL) << 8
                | (data[at + 2] & 0xffL) << 16
                | (data[at + 3] & 0xffL) << 24
                | (data[at + 4] & 0xffL) << 32
                | (data[at + 5] & 0xffL) << 40
                | (data[at + 6] & 0xffL) << 48
                | (data[at + 7] & 0xffL) << 56;
    }
}
