package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BCubedTest {
    @Test
    void perfectClusteringScoresOne() {
        BCubed s = BCubed.score(Map.of("a", "x", "b", "x", "c", "y"), Map.of("a", "1", "b", "1", "c", "2"));
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.f1()).isEqualTo(1.0);
        assertThat(s.clusters()).isEqualTo(2);
    }

    @Test
    void oneClusterOfTwoClassesHasFullRecallAndPartialPrecision() {
        // a, b in class 1, c in class 2, all in one cluster: precision per item 2/3, 2/3, 1/3; recall 1.
        BCubed s = BCubed.score(Map.of("a", "x", "b", "x", "c", "x"), Map.of("a", "1", "b", "1", "c", "2"));
        assertThat(s.precision()).isCloseTo(5.0 / 9, within(1e-9));
        assertThat(s.recall()).isEqualTo(1.0);
    }

    @Test
    void singletonsHaveFullPrecisionAndPartialRecall() {
        BCubed s = BCubed.score(Map.of("a", "x", "b", "y", "c", "z"), Map.of("a", "1", "b", "1", "c", "2"));
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isCloseTo((0.5 + 0.5 + 1) / 3, within(1e-9));
    }
}
