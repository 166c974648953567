package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
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
        // a quarter of each steady state is the JIT compiler's: 9.38 - 6.00
        assertThat(table)
                .containsPattern("round 1: of it the JIT compiler threads ; the rest +\\| 3.13 ms ; 9.38 ms"
                        + " +\\| 2.00 ms ; 6.00 ms");
        assertThat(table)
                .containsPattern("the pipeline minus with newsline.story.enabled=false: CPU ms per article, steady"
                        + " state without the JIT compiler threads +\\| 3.38 ms");
        // the app's own meter of the stage: a tenth of the pipeline's steady state, none with the stage off
        assertThat(table)
                .containsPattern(
                        "round 1: of it the story stage's own processors \\(newsline_story_cpu_seconds_total\\)"
                                + " +\\| 1.25 ms \\(assign 0.625 ; keep 0.625\\) +\\| 0.00 ms \\(assign 0.00 ; keep 0.00\\)");
        // 16 MB of internal topics and 32 MB of state over 4,000 articles, against 8 MB and 24 MB
        assertThat(table)
                .containsPattern(
                        "on all internal topics ; state on disk +\\| 4,000 B ; 8,000 B +\\|" + " 2,000 B ; 6,000 B");
    }

    @Test
    void recordsPerArticleFollowTheBytesOfEachInternalTopic() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = withRecords(
                Map.of("story-matching-repartition", 8_000L, "story-stories-changelog", 12_000L),
                Map.of(
                        "story-matching-repartition", new SegmentRecords.Count(8_000, 0, 0, 900),
                        "story-stories-changelog", new SegmentRecords.Count(6_000, 0, 0, 900)));

        report.throughput(List.of(pipeline), List.of(passThrough()), 4_000, 4_000);
        String table = report.render(true);

        // 6,000 records over 4,000 articles; the 900 markers are not records
        assertThat(table)
                .containsPattern("bytes per article: story-stories-changelog +\\| 3 B +\\|[^\\n]*\\n"
                        + "\\| internal topics +\\| records per article: story-stories-changelog +\\| 1.50 +\\|");
        assertThat(table).containsPattern("records per article: story-matching-repartition +\\| 2.00 +\\|");
    }

    @Test
    void recordsPerArticleAreSummedPerKindOfInternalTopic() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = withRecords(
                Map.of("a-repartition", 1L, "b-changelog", 1L, "c-changelog", 1L),
                Map.of(
                        "a-repartition", new SegmentRecords.Count(4_000, 0, 0, 0),
                        "b-changelog", new SegmentRecords.Count(2_000, 0, 0, 0),
                        "c-changelog", new SegmentRecords.Count(6_000, 0, 0, 0)));

        report.throughput(List.of(pipeline), List.of(passThrough()), 4_000, 4_000);
        String table = report.render(true);

        assertThat(table).containsPattern("records per article: all repartition topics +\\| 1.00 +\\|");
        assertThat(table).containsPattern("records per article: all changelog topics +\\| 2.00 +\\|");
        assertThat(table)
                .containsPattern("records per article: all internal topics \\(before compaction\\) +\\| 3.00 +\\|");
    }

    @Test
    void recordsOfAbortedTransactionsAreShownApartAndNotCounted() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = withRecords(
                Map.of("a-changelog", 1L), Map.of("a-changelog", new SegmentRecords.Count(4_000, 400, 0, 10)));

        report.throughput(List.of(pipeline), List.of(passThrough()), 4_000, 4_000);
        String table = report.render(true);

        assertThat(table).containsPattern("records per article: a-changelog +\\| 1.00 +\\|");
        assertThat(table)
                .containsPattern("records of aborted transactions per article, all internal topics \\(not counted"
                        + " above\\) +\\| 0.100 +\\|");
    }

    @Test
    void recordsAreNotApplicableWhenTheSegmentsCouldNotBeRead() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = run("pipeline", 100.0, 12.5, 20.0, 16_000_000L, 32_000_000L);

        report.throughput(List.of(pipeline), List.of(passThrough()), 4_000, 4_000);
        String table = report.render(true);

        assertThat(table).contains("records per article: n/a (the broker's log directories cannot be read from here)");
        assertThat(table).doesNotContain("records per article: story-updates");
    }

    @Test
    void recordsPerArticleOnTheOutputTopicsAreListedWithTheirTotal() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = run(
                "pipeline",
                100.0,
                Map.of("x-changelog", 1L),
                Optional.of(Map.of("x-changelog", SegmentRecords.Count.NONE)),
                Map.of("news.articles.enriched", 4_000L, "news.timeline-entries", 10_000L));

        report.throughput(List.of(pipeline), List.of(passThrough()), 4_000, 4_000);
        String table = report.render(true);

        assertThat(table)
                .containsPattern("\\| output topics +\\| records per article: news.articles.enriched +\\| 1.00 +\\|");
        assertThat(table).containsPattern("records per article: news.timeline-entries +\\| 2.50 +\\|");
        assertThat(table).containsPattern("records per article: all output topics +\\| 3.50 +\\|");
    }

    @Test
    void aVariantShowsRecordsPerArticleOfBothRuns() {
        Report report = new Report();
        StreamsRuns.RunResult pipeline = run(
                "pipeline",
                100.0,
                Map.of("story-updates", 1L),
                Optional.of(Map.of("story-updates", new SegmentRecords.Count(20_000, 8, 0, 50))),
                Map.of("news.timeline-entries", 8_000L));
        StreamsRuns.RunResult storiesOff = run(
                "variant",
                50.0,
                Map.of("x-changelog", 1L),
                Optional.of(Map.of("x-changelog", new SegmentRecords.Count(4_000, 0, 0, 50))),
                Map.of("news.timeline-entries", 6_000L));

        report.variant(List.of(pipeline), List.of(storiesOff), "newsline.story.enabled=false");
        String table = report.render(true);

        assertThat(table)
                .containsPattern("round 1: records per article on all internal topics ; on all output topics +\\|"
                        + " 5.00 ; 2.00 +\\| 1.00 ; 1.50 +\\|");
    }

    private static StreamsRuns.RunResult withRecords(
            Map<String, Long> topicBytes, Map<String, SegmentRecords.Count> topicRecords) {
        return run("pipeline", 100.0, topicBytes, Optional.of(topicRecords), Map.of());
    }

    private static StreamsRuns.RunResult passThrough() {
        return run("pass-through", 10.0, Map.of(), Optional.empty(), Map.of());
    }

    /** A run of 4,000 articles in {@code seconds}. */
    private static StreamsRuns.RunResult run(
            String kind,
            double seconds,
            Map<String, Long> topicBytes,
            Optional<Map<String, SegmentRecords.Count>> topicRecords,
            Map<String, Long> outputRecords) {
        return new StreamsRuns.RunResult(
                kind,
                1,
                "1.00 / 1.00 / 1.00",
                4_000,
                4_000,
                seconds,
                1.0,
                2.0,
                0.25,
                Map.of(),
                OptionalLong.of(300L << 20),
                OptionalLong.of(600L << 20),
                true,
                topicBytes,
                Map.of(),
                topicRecords,
                outputRecords,
                2_000,
                Set.of());
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
                cpuSteady / 4,
                kind.equals("pipeline")
                        ? new TreeMap<>(Map.of("assign", cpuSteady / 20, "keep", cpuSteady / 20))
                        : new TreeMap<>(Map.of("assign", 0.0, "keep", 0.0)),
                OptionalLong.of(300L << 20),
                OptionalLong.of(600L << 20),
                true,
                Map.of("story-updates", topicBytes),
                Map.of("story-stories", storeBytes),
                Optional.empty(),
                Map.of(),
                2_000,
                Set.of());
    }
}
