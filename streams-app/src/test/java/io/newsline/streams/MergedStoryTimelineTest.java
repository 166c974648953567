package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.DateSource;
import io.newsline.avro.StoryMerge;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.avro.AlsoReportedPatch;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.InternalAvroSerde;
import io.newsline.streams.topics.TopologySerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The timeline side of story merges (TopologyTestDriver over the whole topology, fed straight on
 * news.timeline-entries, news.story-merges and the "also reported by" lists): entries filed to a merged story, before
 * or after its move, their retractions and their lists of other sources end on the survivor.
 */
class MergedStoryTimelineTest {
    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(2);
    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TimelineEntry> entriesIn;
    private TestInputTopic<String, StoryMerge> mergesIn;
    private TestInputTopic<String, AlsoReportedPatch> listsIn;
    private TestOutputTopic<String, TimelineEntry> entriesOut;
    /** The live entries of news.timeline-entries as the topology left them (latest value per key). */
    private final Map<String, TimelineEntry> live = new HashMap<>();

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void anEntryFiledToAStoryBeforeItsMergeMovesToTheSurvivor() {
        start(Map.of());
        file("story-b", "x", T0);
        merge("story-b", "story-a", T0.plusSeconds(1));

        assertThat(liveKeys()).containsExactly("story-a|x");
        assertThat(live.get("story-a|x").getTopicId()).isEqualTo("story-a");
    }

    @Test
    void anEntryFiledToAMergedStoryAfterItsMoveIsReRoutedToTheSurvivor() {
        start(Map.of());
        merge("story-b", "story-a", T0);
        file("story-b", "late", T0.plusSeconds(1));

        assertThat(liveKeys()).containsExactly("story-a|late");
        assertThat(live.get("story-a|late").getTopicId()).isEqualTo("story-a");
    }

    @Test
    void aLateEntryFollowsAChainOfMergesToTheFinalSurvivor() {
        start(Map.of());
        merge("story-c", "story-b", T0);
        merge("story-b", "story-a", T0.plusSeconds(1));
        file("story-c", "late", T0.plusSeconds(2));

        assertThat(liveKeys()).containsExactly("story-a|late");
    }

    @Test
    void aMergeIntoAStoryAlreadyMergedMovesTheEntriesToTheFinalSurvivor() {
        start(Map.of());
        merge("story-b", "story-a", T0);
        file("story-c", "x", T0.plusSeconds(1));
        merge("story-c", "story-b", T0.plusSeconds(2));

        assertThat(liveKeys()).containsExactly("story-a|x");
    }

    @Test
    void aRetractionAfterTheMoveRemovesTheMovedEntry() {
        start(Map.of());
        file("story-b", "x", T0);
        file("story-b", "y", T0);
        merge("story-b", "story-a", T0.plusSeconds(1));
        retract("story-b", "x", T0.plusSeconds(2)); // the filing stage only knows the story it filed x under

        assertThat(liveKeys()).containsExactly("story-a|y");
    }

    @Test
    void aRetractionFollowsAChainOfMerges() {
        start(Map.of());
        file("story-c", "x", T0);
        merge("story-c", "story-b", T0.plusSeconds(1));
        merge("story-b", "story-a", T0.plusSeconds(2));
        retract("story-c", "x", T0.plusSeconds(3));

        assertThat(liveKeys()).isEmpty();
    }

    @Test
    void aRetractionOfAnEntryNeverFiledRemovesNothingOnTheSurvivor() {
        start(Map.of());
        file("story-a", "y", T0);
        merge("story-b", "story-a", T0.plusSeconds(1));
        retract("story-b", "x", T0.plusSeconds(2));

        assertThat(liveKeys()).containsExactly("story-a|y");
    }

    @Test
    void topicsNeverMergedKeepTheirEntries() {
        start(Map.of());
        merge("story-b", "story-a", T0);
        file("gaza", "x", T0.plusSeconds(1));
        retract("gaza", "x", T0.plusSeconds(2));
        file("gaza", "y", T0.plusSeconds(3));

        assertThat(liveKeys()).containsExactly("gaza|y");
    }

    @Test
    void aMergeIsForgottenOnceOlderThanTheTimelineRetention() {
        start(Map.of(
                StreamsAppConfig.TIMELINE_RETENTION_MS, Long.toString(RETENTION.toMillis()),
                StreamsAppConfig.EXPIRY_INTERVAL_MS, Long.toString(EXPIRY_INTERVAL.toMillis())));
        merge("story-b", "story-a", T0);
        Instant later = T0.plus(RETENTION).plus(EXPIRY_INTERVAL).plusSeconds(1);
        file("gaza", "now", later); // moves stream time on: the merge is older than the retention
        file("story-b", "late", later);

        assertThat(liveKeys()).containsExactlyInAnyOrder("gaza|now", "story-b|late");
    }

    @Test
    void anAlsoReportedByListForAnEntryThatMovedWithItsStoryReachesTheMovedEntry() {
        start(Map.of());
        file("story-b", "x", T0);
        merge("story-b", "story-a", T0.plusSeconds(1));
        alsoReportedBy("story-b", "x", "file:///elsewhere/copy-of-x.txt"); // the filing stage knows story-b only

        assertThat(liveKeys()).containsExactly("story-a|x");
        assertThat(live.get("story-a|x").getAlsoReportedBy()).containsExactly("file:///elsewhere/copy-of-x.txt");
    }

    @Test
    void anAlsoReportedByListFollowsAChainOfMerges() {
        start(Map.of());
        file("story-c", "x", T0);
        merge("story-c", "story-b", T0.plusSeconds(1));
        merge("story-b", "story-a", T0.plusSeconds(2));
        alsoReportedBy("story-c", "x", "file:///elsewhere/copy-of-x.txt");

        assertThat(liveKeys()).containsExactly("story-a|x");
        assertThat(live.get("story-a|x").getAlsoReportedBy()).containsExactly("file:///elsewhere/copy-of-x.txt");
    }

    @Test
    void aListForALateEntryOfAMergedStoryWaitsForItOnTheSurvivor() {
        start(Map.of());
        merge("story-b", "story-a", T0);
        alsoReportedBy("story-b", "late", "file:///elsewhere/copy-of-late.txt"); // before its entry
        assertThat(liveKeys()).isEmpty();
        file("story-b", "late", T0.plusSeconds(1));

        assertThat(liveKeys()).containsExactly("story-a|late");
        assertThat(live.get("story-a|late").getAlsoReportedBy()).containsExactly("file:///elsewhere/copy-of-late.txt");
    }

    @Test
    void aListParkedBeforeTheMergeGoesWithTheReRoutedEntry() {
        start(Map.of());
        alsoReportedBy("story-b", "late", "file:///elsewhere/copy-of-late.txt"); // parked on story-b
        merge("story-b", "story-a", T0);
        file("story-b", "late", T0.plusSeconds(1));

        assertThat(liveKeys()).containsExactly("story-a|late");
        assertThat(live.get("story-a|late").getAlsoReportedBy()).containsExactly("file:///elsewhere/copy-of-late.txt");
    }

    private void start(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(
                Map.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092", StorySettings.ENABLED, "true"));
        settings.putAll(overrides);
        StreamsAppConfig config = StreamsAppConfig.of(settings);
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-merged-story-test");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        driver =
                new TopologyTestDriver(NewslineTopology.build(config, TopologySerdes.withClient(registry)), properties);
        entriesIn = driver.createInputTopic(
                Topics.TIMELINE_ENTRIES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
        mergesIn = driver.createInputTopic(
                Topics.STORY_MERGES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
        listsIn = driver.createInputTopic(
                "newsline-merged-story-test-" + TimelineStage.ALSO_REPORTED_REPARTITION + "-repartition",
                new StringSerializer(),
                new InternalAvroSerde<>(AlsoReportedPatch.class));
        entriesOut = driver.createOutputTopic(
                Topics.TIMELINE_ENTRIES,
                new StringDeserializer(),
                new SpecificAvroDeserializer<>(TimelineEntry.class, registry));
    }

    /** What the filing stage writes for an article on a topic. */
    private void file(String topicId, String articleId, Instant at) {
        String key = topicId + "|" + articleId;
        TimelineEntry entry = entry(topicId, articleId, at);
        live.put(key, entry);
        entriesIn.pipeInput(key, entry, at);
        drain();
    }

    /** What the filing stage writes when an article filed under {@code topicId} is retracted. */
    private void retract(String topicId, String articleId, Instant at) {
        String key = topicId + "|" + articleId;
        live.remove(key);
        entriesIn.pipeInput(key, null, at);
        drain();
    }

    /** What the filing stage sends when a copy of an article filed under {@code topicId} comes from elsewhere. */
    private void alsoReportedBy(String topicId, String articleId, String source) {
        listsIn.pipeInput(topicId + "|" + articleId, new AlsoReportedPatch(List.of(source)));
        drain();
    }

    private void merge(String storyId, String into, Instant at) {
        mergesIn.pipeInput(
                storyId,
                StoryMerge.newBuilder()
                        .setStoryId(storyId)
                        .setIntoStoryId(into)
                        .setLabel("label of " + storyId)
                        .setArticles(1)
                        .setMergedAt(at)
                        .build(),
                at);
        drain();
    }

    private void drain() {
        for (TestRecord<String, TimelineEntry> record : entriesOut.readRecordsToList()) {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), record.value());
            }
        }
    }

    private java.util.List<String> liveKeys() {
        return live.keySet().stream().sorted().toList();
    }

    private static TimelineEntry entry(String topicId, String articleId, Instant publishedAt) {
        return TimelineEntry.newBuilder()
                .setTopicId(topicId)
                .setTopicLabel(topicId)
                .setTopicKind(topicId.startsWith("story-") ? TopicKind.STORY : TopicKind.PLACE)
                .setArticleId(articleId)
                .setTitle("title of " + articleId)
                .setPublishedAt(publishedAt)
                .setDateSource(DateSource.TEXT)
                .setSummary("s")
                .setSource("file:///" + articleId)
                .build();
    }
}
