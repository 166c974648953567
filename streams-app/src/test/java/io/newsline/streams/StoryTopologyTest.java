package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.StoryMerge;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.metrics.PipelineMetrics;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.topics.TopologySerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The story stage in the whole topology (TopologyTestDriver, own state directory). */
class StoryTopologyTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Instant INGESTED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(1);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void theStoryStageIsNamedAndItsArticlesDoNotMove() {
        String description = NewslineTopology.build(config(Map.of()), TopologySerdes.withClient(registry))
                .describe()
                .toString();
        assertThat(description)
                .contains(
                        "assign-story",
                        "keep-story",
                        "write-story-joins",
                        "newsline-streams-story-updates",
                        "newsline-streams-story-matching",
                        "story-matching",
                        "write-story-merges")
                .doesNotContain("KSTREAM-", "story-by-anchor");
    }

    @Test
    void twoStoriesFoundToBeOneAreMergedIntoTheSmallerIdTheMergeIsPublishedAndTheEntriesMove() throws IOException {
        // A join threshold no pair of articles reaches: each seed founds its own story; a merge threshold they reach.
        start(Map.of(
                StorySettings.THRESHOLD, "0.95",
                StorySettings.LATE_THRESHOLD, "0.95",
                StorySettings.MERGE_THRESHOLD, "0.2"));
        pipe(seed("000_79d721cb69906ae1.txt", null));
        pipe(seed("002_d01d4803278ec472.txt", Instant.parse("2025-09-03T12:00:00Z")));
        List<String> stories = output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValuesToList().stream()
                .map(EnrichedArticle::getStoryId)
                .toList();
        assertThat(stories).doesNotHaveDuplicates().hasSize(2);
        var merges = output(Topics.STORY_MERGES, StoryMerge.class);
        assertThat(merges.isEmpty()).isTrue(); // not before the recheck delay

        driver.advanceWallClockTime(StorySettings.DEFAULT_RECHECK_DELAY.plusSeconds(1));

        List<StoryMerge> published = merges.readValuesToList();
        assertThat(published).hasSize(1);
        String smaller = stories.stream().sorted().findFirst().orElseThrow();
        String larger = stories.stream().sorted().skip(1).findFirst().orElseThrow();
        assertThat(published.get(0).getStoryId()).isEqualTo(larger);
        assertThat(published.get(0).getIntoStoryId()).isEqualTo(smaller);
        assertThat(published.get(0).getArticles()).isEqualTo(1);
        assertThat(storyDecisions("founded")).isEqualTo(2);
        assertThat(meters.get("newsline.story.merges").counter().count()).isEqualTo(1);
        // The merged story's entry moved to the survivor: one story, two dated entries; the merged timeline is empty.
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);
        Map<String, TopicTimeline> timelines =
                output(Topics.TIMELINES, TopicTimeline.class).readKeyValuesToMap();
        assertThat(timelines.get(smaller).getTotalEntries()).isEqualTo(2);
        assertThat(timelines.get(smaller).getEntries())
                .extracting(TimelineEntry::getPublishedAt)
                .containsExactlyInAnyOrder(
                        Instant.parse("2025-05-13T00:00:00Z"), Instant.parse("2025-09-03T12:00:00Z"));
        assertThat(timelines.get(larger)).isNull();
    }

    @Test
    void theTwoSeedsEndOnOneStoryWithTwoDatedEntries() throws IOException {
        start(Map.of());
        pipe(seed("000_79d721cb69906ae1.txt", null));
        pipe(seed("002_d01d4803278ec472.txt", Instant.parse("2025-09-03T12:00:00Z")));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        List<EnrichedArticle> enriched =
                output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValuesToList();
        assertThat(enriched).hasSize(2);
        String storyId = enriched.get(0).getStoryId();
        assertThat(storyId).startsWith("story-");
        assertThat(enriched.get(1).getStoryId()).isEqualTo(storyId);
        assertThat(storyDecisions("founded")).isEqualTo(1);
        assertThat(storyDecisions("joined")).isEqualTo(1);
        // The first seed met no story, the second met the first seed's: one candidate over two decisions.
        assertThat(meters.get("newsline.story.candidates").summary().count()).isEqualTo(2);
        assertThat(meters.get("newsline.story.candidates").summary().totalAmount())
                .isEqualTo(1);
        // The second seed's decision is held until a later decision reads its story from an index that caught up.
        assertThat(meters.get("newsline.story.decided.held").gauge().value()).isEqualTo(1);

        Map<String, TopicTimeline> timelines =
                output(Topics.TIMELINES, TopicTimeline.class).readKeyValuesToMap();
        TopicTimeline story = timelines.get(storyId);
        assertThat(story.getKind()).isEqualTo(TopicKind.STORY);
        assertThat(story.getLabel()).contains("Benjamin Netanyahu");
        assertThat(story.getTotalEntries()).isEqualTo(2);
        assertThat(story.getEntries())
                .extracting(TimelineEntry::getPublishedAt)
                .containsExactly(Instant.parse("2025-05-13T00:00:00Z"), Instant.parse("2025-09-03T12:00:00Z"));
        assertThat(story.getFirstPublishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));
        assertThat(story.getLastPublishedAt()).isEqualTo(Instant.parse("2025-09-03T12:00:00Z"));
        // The entity timelines are still there beside it.
        assertThat(timelines.get("benjamin-netanyahu").getKind()).isEqualTo(TopicKind.PERSON);
    }

    @Test
    void withAStrictThresholdTheSeedsAreTwoStories() throws IOException {
        start(Map.of(StorySettings.THRESHOLD, "0.9", StorySettings.LATE_THRESHOLD, "0.9"));
        pipe(seed("000_79d721cb69906ae1.txt", null));
        pipe(seed("002_d01d4803278ec472.txt", Instant.parse("2025-09-03T12:00:00Z")));
        List<EnrichedArticle> enriched =
                output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValuesToList();
        assertThat(enriched)
                .extracting(EnrichedArticle::getStoryId)
                .doesNotHaveDuplicates()
                .doesNotContainNull();
    }

    @Test
    void aNewStoryCostsOneChangelogRecordAndItsLooksForATwinNone() throws IOException {
        // Thresholds no pair of seeds reaches: each founds its own story and looks three times in vain.
        start(Map.of(
                StorySettings.THRESHOLD, "0.95",
                StorySettings.LATE_THRESHOLD, "0.95",
                StorySettings.MERGE_THRESHOLD, "0.95"));
        pipe(seed("000_79d721cb69906ae1.txt", null));
        pipe(seed("002_d01d4803278ec472.txt", Instant.parse("2025-09-03T12:00:00Z")));
        for (int delays = 0; delays < 1 + 3 + 9 + 2; delays++) { // the three looks, 1, 3 and 9 delays apart
            driver.advanceWallClockTime(StorySettings.DEFAULT_RECHECK_DELAY);
        }
        assertThat(output(Topics.STORY_MERGES, StoryMerge.class).isEmpty()).isTrue();

        // The keeper's changelogs: the founding write of each story's ledger entry (which also holds when its looks
        // started), and nothing for the looks (the schedule is in memory; it was a store of its own, 4 records per
        // new story).
        Map<String, Long> changelogRecords = new HashMap<>();
        for (String topic : driver.producedTopicNames()) {
            if (topic.startsWith("newsline-story-test-story-") && topic.endsWith("-changelog")) {
                changelogRecords.put(
                        topic,
                        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                                .getQueueSize());
            }
        }
        assertThat(changelogRecords).containsExactly(Map.entry("newsline-story-test-story-stories-changelog", 2L));
    }

    @Test
    void theStoryIsAmongTheArticlesTopics() throws IOException {
        start(Map.of());
        pipe(seed("000_79d721cb69906ae1.txt", null));
        EnrichedArticle article =
                output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValue();
        assertThat(article.getTopics())
                .filteredOn(t -> t.getKind() == TopicKind.STORY)
                .singleElement()
                .satisfies(t -> assertThat(t.getId()).isEqualTo(article.getStoryId()));
    }

    @Test
    void withTheStageOffArticlesCarryNoStory() throws IOException {
        start(Map.of(StorySettings.ENABLED, "false"));
        pipe(seed("000_79d721cb69906ae1.txt", null));
        List<EnrichedArticle> enriched =
                output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValuesToList();
        assertThat(enriched).hasSize(1);
        assertThat(enriched.get(0).getStoryId()).isNull();
    }

    /**
     * A first line of 200 KB (the parser's headline) once made a title the stage could not write: the article became a
     * dead letter although it parsed and enriched. And an article of 20,000 names.
     */
    @Test
    void hostileArticlesStillGetAStory() {
        start(Map.of());
        StringBuilder longLine = new StringBuilder();
        for (int i = 0; longLine.length() < 200_000; i++) {
            longLine.append("Headword").append(i).append(' ');
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            names.append("Mr Zed")
                    .append(Integer.toString(i, 26).replaceAll("[0-9]", "q"))
                    .append(" met Ms Quux")
                    .append(i % 97)
                    .append(". ");
        }
        pipe(TestArticles.raw(
                "long-first-line.txt", longLine + "\n\nA body paragraph about the matter at hand.\n", null, INGESTED));
        pipe(TestArticles.raw("many-names.txt", "Names\n\n" + names + "\n", null, INGESTED));
        List<EnrichedArticle> enriched =
                output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class).readValuesToList();
        assertThat(enriched).hasSize(2).allSatisfy(a -> assertThat(a.getStoryId())
                .isNotNull());
        assertThat(output(Topics.DEAD_LETTERS, EnrichedArticle.class).isEmpty()).isTrue();
    }

    /** How many articles the story stage counted as founding, or joining, a story. */
    private double storyDecisions(String decision) {
        return meters.get("newsline.story.decisions")
                .tag("decision", decision)
                .counter()
                .count();
    }

    private void start(Map<String, String> overrides) {
        StreamsAppConfig config = config(overrides);
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-story-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        properties.put(PipelineMetrics.CONFIG, new PipelineMetrics(meters));
        driver =
                new TopologyTestDriver(NewslineTopology.build(config, TopologySerdes.withClient(registry)), properties);
    }

    private static StreamsAppConfig config(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092",
                StreamsAppConfig.SNAPSHOT_INTERVAL_MS,
                Long.toString(SNAPSHOT_INTERVAL.toMillis()),
                StorySettings.ENABLED,
                "true"));
        settings.putAll(overrides);
        return StreamsAppConfig.of(settings);
    }

    private void pipe(RawArticle article) {
        driver.createInputTopic(
                        Topics.RAW_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<RawArticle>(registry))
                .pipeInput(article.getArticleId(), article);
    }

    private <T extends org.apache.avro.specific.SpecificRecord>
            org.apache.kafka.streams.TestOutputTopic<String, T> output(String topic, Class<T> type) {
        return driver.createOutputTopic(
                topic, new StringDeserializer(), new SpecificAvroDeserializer<>(type, registry));
    }

    private static RawArticle seed(String name, Instant modified) throws IOException {
        return TestArticles.raw(
                name, Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8), modified, INGESTED);
    }
}
