package io.newsline.streams.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.streams.dedup.NearDuplicateOrder.Seen;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NearDuplicateOrderTest {
    private static final Duration GRACE = Duration.ofSeconds(1);

    @Test
    void seenAtTheSameMomentTheEarlierIngestTimeIsTheOriginalWhicheverWayRoundItIsAsked() {
        Seen early = new Seen("bbb", 1_000, 50_000);
        Seen late = new Seen("aaa", 2_000, 50_400);
        assertThat(NearDuplicateOrder.isOriginal(early, late, GRACE)).isTrue();
        assertThat(NearDuplicateOrder.isOriginal(late, early, GRACE)).isFalse();
    }

    @Test
    void sameIngestTimeTheSmallerIdIsTheOriginal() {
        Seen a = new Seen("aaa", 1_000, 50_000);
        Seen b = new Seen("bbb", 1_000, 50_000);
        assertThat(NearDuplicateOrder.isOriginal(a, b, GRACE)).isTrue();
        assertThat(NearDuplicateOrder.isOriginal(b, a, GRACE)).isFalse();
    }

    @Test
    void seenFurtherApartThanTheGraceTheOneSeenFirstIsTheOriginalEvenIfIngestedLater() {
        Seen seenFirst = new Seen("bbb", 9_000, 50_000);
        Seen seenLater = new Seen("aaa", 1_000, 51_000);
        assertThat(NearDuplicateOrder.isOriginal(seenFirst, seenLater, GRACE)).isTrue();
        assertThat(NearDuplicateOrder.isOriginal(seenLater, seenFirst, GRACE)).isFalse();
    }

    @Test
    void withoutGraceTheOneSeenFirstWinsAndATieFallsBackToIngestOrder() {
        assertThat(NearDuplicateOrder.isOriginal(new Seen("b", 9, 100), new Seen("a", 1, 101), Duration.ZERO))
                .isTrue();
        assertThat(NearDuplicateOrder.isOriginal(new Seen("b", 9, 100), new Seen("a", 1, 100), Duration.ZERO))
                .isFalse();
    }
}
