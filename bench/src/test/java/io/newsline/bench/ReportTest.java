package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void aVariantIsReportedBesideThePipelineWithTheDifference() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = run("pipeline", 100.0, 12.5, 20.0, 16_000_000L, 32_000_000L);
        StreamsRuns.RunResult storiesOff = run("variant", 50.0, 8.0, 15.0, 8_000_000L, 24_000_000L);

        report.variant(List.of(pipeline), List.of(storiesOff), "newsline.story.enabled=false");
        String table = report.render(true);

        assertThat(table).contains("- also with: newsline.story.enabled=false");
        assertThat(table)
                .containsPattern("\\| variant +\\| round 1: articles/s, pipeline vs with newsline.story.enabled=false"
                        + " +\\| 40.0 +\\| 80.0 +\\| 0.500");
        assertThat(table).containsPattern("round 1: CPU ms per article, steady state +\\| 12.5 ms +\\| 8.00 ms");
        assertThat(table)
                .containsPattern("the pipeline minus with newsline.story.enabled=false: CPU ms per article, steady"
                        + " state ; whole process +\\| 4.50 ms ; 5.00 ms");
        // 16 MB of internal topics and 32 MB of state over 4,000 articles, against 8 MB and 24 MB
        assertThat(table)
                .containsPattern(
                        "on all internal topics ; state on disk +\\| 4,000 B ; 8,000 B +\\|" + " 2,000 B ; 6,000 B");
    }

    /** A run of 4,000 articles in {@code seconds}. */
    private static StreamsRuns.RunResult run(
            String kind, double seconds, double cpuSteady, double cpuWhole, long topicBytes, long storeBytes) {
        return new StreamsRuns.RunResult(
                kind,
                1,
                "1.00 / 1.00 / 1.00",
                4_000,
                4_000,
                seconds,
                cpuSteady,
                cpuWhole,
                OptionalLong.of(300L << 20),
                OptionalLong.of(600L << 20),
                true,
                Map.of("story-updates", topicBytes),
                Map.of("story-stories", storeBytes),
                2_000,
                Set.of());
    }
}
