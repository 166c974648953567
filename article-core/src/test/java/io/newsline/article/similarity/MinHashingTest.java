package io.newsline.article.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Murmur3, shingles, MinHash, LSH bands and Jaccard: stable values, and the properties the design relies on. */
class MinHashingTest {
    private static final List<String> BODY = List.of(
            "Prime Minister Benjamin Netanyahu isn’t changing course.",
            "Negotiations with Hamas will go forward side-by-side with ongoing military action in Gaza.");

    @Test
    void murmur3MatchesTheReferenceAndGuava() {
        // Reference values of MurmurHash3_x64_128 (first 64 bits), as Guava's murmur3_128().hashBytes().asLong().
        assertThat(Murmur3.hash64(new byte[0], 0)).isZero();
        assertThat(Murmur3.hash64("hello".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(0xcbd8a7b341bd9b02L);
        assertThat(Murmur3.hash64("the quick brown fox jumps".getBytes(StandardCharsets.UTF_8), 0))
                .isEqualTo(0x90accf024387340dL);
        byte[] text = "xxprime minister benjamin netanyahu isnxx".getBytes(StandardCharsets.UTF_8);
        assertThat(Murmur3.hash64(text, 2, text.length - 4, 0)).isEqualTo(0x660921a17c6057bcL);
    }

    @Test
    void shinglesAreFiveWordRunsOfTheNormalizedBody() {
        int[] shingles = Shingles.of(List.of("One two THREE, four five six."), 5);
        assertThat(shingles).hasSize(2);
        // Normalization: case, punctuation, quotes and paragraph breaks do not matter.
        assertThat(Shingles.of(List.of("one two three", "four five six"), 5)).containsExactly(shingles);
        assertThat(Shingles.of(List.of("One ‘two’ three—four five six"), 5)).containsExactly(shingles);
        // Shorter than a shingle: one shingle of everything; empty: none.
        assertThat(Shingles.of(List.of("just three words"), 5)).hasSize(1);
        assertThat(Shingles.of(List.of(" ... "), 5)).isEmpty();
        assertThatThrownBy(() -> Shingles.of(BODY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shingleSetsAreSortedAndDistinctAndRoundTripThroughBytes() {
        int[] shingles = Shingles.of(List.of("a b c d e a b c d e a b c d e"), 5);
        assertThat(shingles).hasSize(5).isSorted();
        assertThat(Shingles.fromBytes(java.nio.ByteBuffer.wrap(Shingles.toBytes(shingles))))
                .containsExactly(shingles);
        long[] full = Shingles.of64(List.of("a b c d e a b c d e a b c d e"), 5);
        assertThat(full).hasSize(5).isSorted();
    }

    @Test
    void theSignatureOfAFixedTextIsAFixedValue() {
        // Computed once and pinned: band keys and stored shingles must not change between runs, JVMs or versions.
        int[] shingles = Shingles.of(BODY, 5);
        assertThat(shingles).hasSize(18);
        assertThat(shingles[0]).isEqualTo(PINNED_FIRST_SHINGLE);
        int[] signature = new MinHasher(8).signature(shingles);
        assertThat(signature).containsExactly(PINNED_SIGNATURE);
        long[] keys = new LshBands(4, 2).keys(signature);
        assertThat(keys).containsExactly(PINNED_BAND_KEYS);
    }

    @Test
    void minHashAgreesWithExactJaccardOnAverage() {
        List<String> words = Arrays.asList(
                ("alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa"
                                + " quebec romeo sierra tango uniform victor whiskey xray yankee zulu one two three four"
                                + " five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen")
                        .split(" "));
        int[] a = Shingles.of(List.of(String.join(" ", words)), 2);
        int[] b = Shingles.of(List.of(String.join(" ", words.subList(10, words.size()))), 2);
        double exact = Jaccard.exact(a, b);
        assertThat(exact).isCloseTo(31.0 / 41.0, within(1e-9));
        MinHasher minHasher = new MinHasher(1024);
        assertThat(Jaccard.estimate(minHasher.signature(a), minHasher.signature(b)))
                .isCloseTo(exact, within(0.06));
    }

    @Test
    void jaccardIsExactOverSortedSets() {
        assertThat(Jaccard.exact(new int[] {1, 2, 3, 4}, new int[] {3, 4, 5, 6}))
                .isEqualTo(2.0 / 6.0);
        assertThat(Jaccard.exact(new int[] {-5, 1}, new int[] {-5, 1})).isEqualTo(1.0);
        assertThat(Jaccard.exact(new int[0], new int[0])).isZero();
        assertThat(Jaccard.exact(new long[] {1, 2}, new long[] {2, 3})).isEqualTo(1.0 / 3.0);
        assertThat(Jaccard.estimate(new int[] {1, 2, 3, 4}, new int[] {1, 2, 0, 0}))
                .isEqualTo(0.5);
    }

    @Test
    void identicalSetsShareEveryBandAndDisjointOnesNone() {
        LshBands lsh = new LshBands(20, 2);
        MinHasher minHasher = new MinHasher(lsh.numHashes());
        int[] a = Shingles.of(BODY, 5);
        int[] b = Shingles.of(List.of("an entirely different text about the weather in the mountains this week"), 5);
        long[] keysA = lsh.keys(minHasher.signature(a));
        assertThat(lsh.keys(minHasher.signature(a.clone()))).containsExactly(keysA);
        assertThat(lsh.keys(minHasher.signature(b))).doesNotContain(keysA);
        // Same values in different bands are different keys.
        int[] constant = new int[lsh.numHashes()];
        assertThat(Arrays.stream(lsh.keys(constant)).distinct().count()).isEqualTo(20);
    }

    @Test
    void theSCurveOfTheDefaultBandsIsSteepAroundTheThreshold() {
        LshBands lsh = new LshBands(NearDuplicateParams.DEFAULT_BANDS, NearDuplicateParams.DEFAULT_ROWS);
        assertThat(lsh.candidateProbability(0.5)).isGreaterThan(0.99);
        assertThat(lsh.candidateProbability(0.05)).isLessThan(0.05);
        assertThatThrownBy(() -> lsh.keys(new int[3])).isInstanceOf(IllegalArgumentException.class);
    }

    private static final int PINNED_FIRST_SHINGLE = -1770101307;
    private static final int[] PINNED_SIGNATURE = {
        226506007, 216606412, 212228406, 467200905, 18354984, 7883287, 300926449, 34642072
    };
    private static final long[] PINNED_BAND_KEYS = {
        0x9afaf090114b0815L, 0xf9040f24e8eb3325L, 0x01873657245e7e37L, 0xc249c0288c727753L
    };
}
