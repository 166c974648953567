package io.newsline.streams.topics;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.StoryMerge;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topics the topology reads and writes, each with its types (the names are in {@link Topics}; what each holds is
 * in the README's topic table). Every key is a UTF-8 string, every value Avro in the Confluent wire format.
 */
public record NewslineTopics(
        TypedTopic<String, RawArticle> rawArticles,
        TypedTopic<String, EnrichedArticle> enrichedArticles,
        TypedTopic<String, DuplicateNotice> duplicates,
        TypedTopic<String, TimelineEntry> timelineEntries,
        TypedTopic<String, TopicTimeline> timelines,
        TypedTopic<String, StoryMerge> storyMerges) {

    public static NewslineTopics from(TopologySerdes serdes) {
        return new NewslineTopics(
                new TypedTopic<>(Topics.RAW_ARTICLES, Serdes.String(), serdes.valueSerde(RawArticle.class)),
                new TypedTopic<>(Topics.ENRICHED_ARTICLES, Serdes.String(), serdes.valueSerde(EnrichedArticle.class)),
                new TypedTopic<>(Topics.DUPLICATES, Serdes.String(), serdes.valueSerde(DuplicateNotice.class)),
                new TypedTopic<>(Topics.TIMELINE_ENTRIES, Serdes.String(), serdes.valueSerde(TimelineEntry.class)),
                new TypedTopic<>(Topics.TIMELINES, Serdes.String(), serdes.valueSerde(TopicTimeline.class)),
                new TypedTopic<>(Topics.STORY_MERGES, Serdes.String(), serdes.valueSerde(StoryMerge.class)));
    }
}
