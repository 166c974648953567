package io.newsline.streams.story;

import io.newsline.article.story.StoryFeatureExtractor;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.streams.timeline.TimelineKeys;
import io.newsline.streams.timeline.TopicIdPartitioner;
import io.newsline.streams.topics.TypedTopic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The story stage, after enrichment:
 *
 * <pre>
 * enriched originals (key article id)
 *   -> key-article-by-story-anchor  (the article's strongest entity, else keyword: StoryFeatureExtractor.anchor)
 *   -> [story-by-anchor repartition] (the one extra hop per article)
 *   -> assign-story                 (StoryClusterer over stores story-stories, story-index)
 *        -> news.articles.enriched  (the article with its storyId, keyed by article id)
 *        -> news.timeline-entries   (key storyId|articleId, kind STORY, partitioned by topic id; the timeline stages
 *                                    index and snapshot it like any topic, onto news.timelines)
 * </pre>
 *
 * Candidate stories are looked up in this partition's state only: two articles meet when their anchors hash to the
 * same partition (always when they share the anchor). See docs/stories.md for what that costs and where order
 * matters.
 */
public final class StoryTopology {
    public static final String REPARTITION = "story-by-anchor";
    public static final String STORIES_STORE = "story-stories";
    public static final String INDEX_STORE = "story-index";

    private StoryTopology() {}

    /**
     * Gives each enriched original its story and writes it, with its story id, to {@code enriched}; writes the
     * story's timeline entry to {@code entries}.
     */
    public static void create(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> originals,
            StorySettings settings,
            int partitions,
            TypedTopic<String, EnrichedArticle> enriched,
            TypedTopic<String, TimelineEntry> entries) {
        Serde<String> keys = Serdes.String();
        Serde<EnrichedArticle> articleSerde = enriched.valueSerde();
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORIES_STORE), keys, Serdes.ByteArray())
                        .withCachingEnabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX_STORE), keys, Serdes.ByteArray())
                        .withCachingEnabled());
        KStream<String, StoryResult> results = originals
                .filter((articleId, article) -> article != null, Named.as("story-originals"))
                .selectKey(
                        (articleId, article) -> StoryFeatureExtractor.anchor(StoryInputs.of(article)),
                        Named.as("key-article-by-story-anchor"))
                .repartition(Repartitioned.<String, EnrichedArticle>as(REPARTITION)
                        .withKeySerde(keys)
                        .withValueSerde(articleSerde)
                        .withNumberOfPartitions(partitions))
                .process(() -> new StoryAssigner(settings), Named.as("assign-story"), STORIES_STORE, INDEX_STORE);
        results.mapValues(StoryResult::article, Named.as("article-with-story"))
                .to(enriched.name(), enriched.produced("write-enriched-articles-with-story"));
        results.map(
                        (articleId, result) -> KeyValue.pair(
                                TimelineKeys.entryKey(result.entry().getTopicId(), articleId), result.entry()),
                        Named.as("story-timeline-entry"))
                .to(entries.name(), entries.produced("write-story-timeline-entries", new TopicIdPartitioner<>()));
    }
}
