package io.newsline.common;

/** Names of the Kafka topics Newsline reads and writes; every program refers to them through here. */
public final class Topics {
    /** {@code RawArticle} records from the producer, key = article id. */
    public static final String RAW_ARTICLES = "news.articles.raw";
    /** {@code EnrichedArticle} records, key = article id. */
    public static final String ENRICHED_ARTICLES = "news.articles.enriched";
    /** {@code DuplicateNotice} records for exact and near duplicates, key = duplicate article id. */
    public static final String DUPLICATES = "news.articles.duplicates";
    /** {@code TimelineEntry} records, compacted, key = topic id + article id, partitioned by topic id. */
    public static final String TIMELINE_ENTRIES = "news.timeline-entries";
    /** {@code TopicTimeline} snapshots, compacted, key = topic id. */
    public static final String TIMELINES = "news.timelines";
    /** {@code StoryMerge} records, compacted, key = id of the story merged into another. */
    public static final String STORY_MERGES = "news.story-merges";
    /** Records the topology could not process, with the reason in KIP-1034 headers. */
    public static final String DEAD_LETTERS = "news.articles.dlq";

    private Topics() {}
}
