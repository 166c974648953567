package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyPhaseTest {

    @Test
    void parsesRateSecondsPairs() {
        assertThat(LatencyProbe.Phase.parseAll(List.of("1:60", " 200 : 30 ")))
                .containsExactly(new LatencyProbe.Phase(1, 60), new LatencyProbe.Phase(200, 30));
        assertThat(new LatencyProbe.Phase(200, 30).articles()).isEqualTo(6000);
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : List.of("1", "0:10", "5:0", "a:b", "1:2:3", "-1:5")) {
            assertThatThrownBy(() -> LatencyProbe.Phase.parseAll(List.of(bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void timelineEntryKeysGiveTheArticleId() {
        assertThat(StreamsRuns.articleIdOf("person-jane-doe|abc123")).isEqualTo("abc123");
    }
}
