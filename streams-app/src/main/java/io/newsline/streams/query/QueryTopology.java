package io.newsline.streams.query;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TopicTimeline;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * The small stores the HTTP API needs besides the timeline stores, each kept by a processor of its own beside the
 * pipeline (a side branch: nothing downstream changes). Changelogged, so any instance that takes a task over has
 * them.
 */
public final class QueryTopology {
    private QueryTopology() {}

    /**
     * Article views and duplicate relations, on the article partitions.
     *
     * @param enriched enriched articles keyed by id (null = retracted)
     * @param duplicatesById duplicate notices keyed by the duplicate's id
     * @param duplicatesByOriginal the same notices keyed by the original's id (may be null)
     */
    public static void recordArticles(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            KStream<String, DuplicateNotice> duplicatesById,
            KStream<String, DuplicateNotice> duplicatesByOriginal) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QueryStores.ARTICLES), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QueryStores.DUPLICATES), Serdes.String(), Serdes.ByteArray()));
        enriched.process(ArticleViewRecorder::new, Named.as("record-article-views"), QueryStores.ARTICLES);
        duplicatesById.process(
                () -> new DuplicateRecorder(false), Named.as("record-duplicate-of"), QueryStores.DUPLICATES);
        if (duplicatesByOriginal != null) {
            duplicatesByOriginal.process(
                    () -> new DuplicateRecorder(true), Named.as("record-duplicated-by"), QueryStores.DUPLICATES);
        }
    }

    /** The topic directory, on the topic partitions, from the snapshots on their way to {@code news.timelines}. */
    public static void recordTopics(StreamsBuilder builder, KStream<String, TopicTimeline> snapshots) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(QueryStores.TOPICS), Serdes.String(), Serdes.ByteArray()));
        snapshots.process(TopicDirectoryRecorder::new, Named.as("record-topic-directory"), QueryStores.TOPICS);
    }
}
