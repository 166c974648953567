package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class AppMetricsTest {
    private static final String SCRAPE =
            """
            # HELP newsline_story_cpu_seconds_total CPU time of the story stage's own processors, by part
            # TYPE newsline_story_cpu_seconds_total counter
            newsline_story_cpu_seconds_total{part="assign"} 1.5
            newsline_story_cpu_seconds_total{part="keep"} 0.25
            newsline_story_cpu_seconds_total_other{part="x"} 100.0
            newsline_story_merges_total 3.0
            """;

    @Test
    void theStoryStagesCpuIsReadByPart() {
        assertThat(AppMetrics.byTag(SCRAPE, AppMetrics.STORY_CPU, "part"))
                .containsExactly(entry("assign", 1.5), entry("keep", 0.25));
    }

    @Test
    void aMeterTheAppDoesNotHaveIsEmpty() {
        assertThat(AppMetrics.byTag(SCRAPE, "newsline_nothing_total", "part")).isEmpty();
    }

    @Test
    void anEndpointThatDoesNotAnswerIsEmpty() {
        assertThat(new AppMetrics(AppMetrics.freeLoopbackAddress()).storyCpuSeconds())
                .isEmpty();
    }
}
