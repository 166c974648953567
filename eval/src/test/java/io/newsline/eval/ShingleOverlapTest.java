package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The port of the html-gold benchmark's score, against the checks of docs/html-gold-scoring.md. */
class ShingleOverlapTest {

    @Test
    void tokensArePythonWordRunsWithCaseKept() {
        assertThat(ShingleOverlap.tokens("Don't stop: 3½ km_h, The the"))
                .containsExactly("Don", "t", "stop", "3½", "km_h", "The", "the");
        // A combining mark is not a word character in Python: it splits the word it sits in.
        assertThat(ShingleOverlap.tokens("cafe\u0301 ok")).containsExactly("cafe", "ok");
        // Supplementary letters are read by code point.
        assertThat(ShingleOverlap.tokens("\uD835\uDC00bc x")).containsExactly("\uD835\uDC00bc", "x");
    }

    @Test
    void firstWordDifferingInCaseOnly() {
        ShingleOverlap.Counts c = ShingleOverlap.of("The cat sat on the mat.", "the cat sat on the mat");
        assertThat(c.tp()).isEqualTo(2);
        assertThat(c.fp()).isEqualTo(1);
        assertThat(c.fn()).isEqualTo(1);
        assertThat(c.precision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(c.exact()).isFalse();
    }

    @Test
    void shortTextsAreOneShingleAndRepeatsCount() {
        ShingleOverlap.Counts c = ShingleOverlap.of("a b", "a b");
        assertThat(c.tp()).isEqualTo(1);
        assertThat(c.exact()).isTrue();
        // "x x x x x" has two shingles (x x x x) twice; one extracted.
        ShingleOverlap.Counts r = ShingleOverlap.of("x x x x x", "x x x x");
        assertThat(r.tp()).isEqualTo(1);
        assertThat(r.fn()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(0.5);
    }

    @Test
    void averagesOverPagesAndLeavesEmptyExtractionsOutOfPrecision() {
        FieldScore s = new FieldScore("body-benchmark");
        s.addShingles(ShingleOverlap.of("one two three four five", "one two three four five"));
        s.addShingles(ShingleOverlap.of("six seven eight nine ten", ""));
        assertThat(s.precision()).isEqualTo(1.0); // the empty page is not a 0 in precision
        assertThat(s.recall()).isEqualTo(0.5);
        assertThat(s.f1()).isCloseTo(2 * 0.5 / 1.5, within(1e-9));
        assertThat(s.accuracy()).isEqualTo(0.5);
    }

    @Test
    void goldAgainstItselfIsPerfectAndNothingExtractedIsZero() {
        FieldScore self = new FieldScore("b");
        FieldScore none = new FieldScore("b");
        for (String gold : new String[] {"A short page.", "Another page with more than four words in it."}) {
            self.addShingles(ShingleOverlap.of(gold, gold));
            none.addShingles(ShingleOverlap.of(gold, ""));
        }
        assertThat(self.f1()).isEqualTo(1.0);
        assertThat(self.accuracy()).isEqualTo(1.0);
        assertThat(none.recall()).isZero();
        assertThat(none.precision()).isZero();
        assertThat(none.f1()).isZero();
    }
}
