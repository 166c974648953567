package io.newsline.streams;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.ParsedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.streams.dedup.DedupOutcome;
import io.newsline.streams.dedup.DedupTopology;
import io.newsline.streams.enrich.EnrichStep;
import io.newsline.streams.parse.ParseStep;
import io.newsline.streams.timeline.AlsoReportedTracker;
import io.newsline.streams.timeline.ArticleTopicsTracker;
import io.newsline.streams.timeline.TimelineSnapshotter;
import io.newsline.streams.timeline.TimelineStores;
import io.newsline.streams.timeline.TimelineWriter;
import io.newsline.streams.timeline.TopicIdPartitioner;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The Newsline topology, top to bottom:
 *
 * <pre>
 * news.articles.raw
 *   -> parse-article                      (ArticleParser: title, dek, byline, date, clean body, fingerprint)
 *   -> key-by-fingerprint -> [articles-by-fingerprint repartition]
 *   -> exact-dedup                        (store exact-dedup-fingerprints, bounded by retention)
 *        duplicates -> news.articles.duplicates, and by original id -> [dedup-repeats-exact repartition]
 *        originals  -> near-duplicate detection (NearDuplicateTopology; if newsline.dedup.near.enabled)
 *             near duplicates -> news.articles.duplicates, and by original id -> [dedup-repeats-near repartition]
 *             originals       -> enrich-article -> news.articles.enriched
 *   -> explode-topic-entries              (one entry per topic; stores timeline-article-topics, -also-reported)
 *   [dedup-repeats-exact] + [dedup-repeats-near]
 *   -> track-also-reported-by             (patches the original's entries with the sources that repeated it)
 *   -> [timeline-entries-by-topic repartition, partitioned by topic id]
 *   -> apply-timeline-entry               (stores timeline-entries, -entry-dates, -expiry-index, -headers)
 *        -> news.timeline-entries         (compacted, key topicId|articleId)
 *   -> snapshot-dirty-timelines           (store timeline-dirty-topics; one snapshot per topic per interval)
 *        -> news.timelines                (compacted, key topicId)
 * </pre>
 *
 * Every processor, store and internal topic is named, and the app refuses generated names
 * ({@code ensure.explicit.internal.resource.naming}), so internal topics keep their names across versions.
 */
public final class NewslineTopology {
    public static final String TIMELINE_REPARTITION = "timeline-entries-by-topic";
    public static final String REPEATS_REPARTITION = "duplicates-by-original";

    /**
     * The article half's outputs: enriched originals, and the duplicate notices (exact and near) keyed by the id of
     * the original they repeat, for "also reported by" (null when near-duplicate detection is off).
     */
    public record ArticleStreams(
            KStream<String, EnrichedArticle> enriched, KStream<String, DuplicateNotice> repeatsByOriginal) {}

    private NewslineTopology() {}

    public static Topology build(StreamsAppConfig config, TopologySerdes serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        ArticleStreams articles = createArticleStreams(builder, config, serdes);
        createTimelineStreams(builder, articles.enriched(), articles.repeatsByOriginal(), config, serdes);
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        return builder.build(properties);
    }

    /**
     * Raw articles -> parsed -> deduplicated (exact and near, {@link DedupTopology}) -> enriched; duplicates go to
     * their own topic and, keyed by their original, to "also reported by". An article let through and later found
     * to repeat an earlier one is retracted: a null value on the enriched stream (and a tombstone on
     * {@code news.articles.enriched}).
     */
    public static ArticleStreams createArticleStreams(
            StreamsBuilder builder, StreamsAppConfig config, TopologySerdes serdes) {
        Serde<String> keys = Serdes.String();
        KStream<String, ParsedArticle> parsed = builder.stream(
                        Topics.RAW_ARTICLES,
                        Consumed.with(keys, serdes.valueSerde(RawArticle.class)).withName("read-raw-articles"))
                .mapValues(ParseStep::parse, Named.as("parse-article"));

        Map<String, KStream<String, DedupOutcome>> outcomes = DedupTopology.createDedupStream(
                        builder, parsed, config.dedupSettings())
                .split(Named.as("dedup-verdict-"))
                .branch((articleId, outcome) -> outcome.isDuplicate(), Branched.as("duplicates"))
                .defaultBranch(Branched.as("originals"));

        Serde<DuplicateNotice> noticeSerde = serdes.valueSerde(DuplicateNotice.class);
        KStream<String, DedupOutcome> duplicates = outcomes.get("dedup-verdict-duplicates");
        duplicates
                .mapValues(DedupOutcome::duplicate, Named.as("duplicate-notice"))
                .to(Topics.DUPLICATES, Produced.with(keys, noticeSerde).withName("write-duplicates"));
        KStream<String, DuplicateNotice> repeats = duplicates
                .map(
                        (articleId, outcome) ->
                                KeyValue.pair(outcome.duplicate().getOriginalId(), outcome.duplicate()),
                        Named.as("key-duplicate-by-original"))
                .repartition(Repartitioned.<String, DuplicateNotice>as(REPEATS_REPARTITION)
                        .withKeySerde(keys)
                        .withValueSerde(noticeSerde));
        KStream<String, EnrichedArticle> retractions = duplicates
                .filter((articleId, outcome) -> outcome.retracted(), Named.as("retracted-originals"))
                .mapValues(outcome -> (EnrichedArticle) null, Named.as("retraction"));

        KStream<String, EnrichedArticle> enriched = outcomes.get("dedup-verdict-originals")
                .mapValues(outcome -> EnrichStep.enrich(outcome.original()), Named.as("enrich-article"))
                .merge(retractions, Named.as("merge-retractions"));
        enriched.to(
                Topics.ENRICHED_ARTICLES,
                Produced.with(keys, serdes.valueSerde(EnrichedArticle.class)).withName("write-enriched-articles"));
        return new ArticleStreams(enriched, repeats);
    }

    /** Enriched articles -> one entry per topic -> full timelines in stores -> entries and bounded snapshots. */
    public static void createTimelineStreams(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            StreamsAppConfig config,
            TopologySerdes serdes) {
        createTimelineStreams(builder, enriched, null, config, serdes);
    }

    /**
     * As {@link #createTimelineStreams(StreamsBuilder, KStream, StreamsAppConfig, TopologySerdes)}, and with
     * {@code repeatsByOriginal} (duplicate notices keyed by original id, partitioned like {@code enriched}; may be
     * null) the entries list the sources that also reported each article.
     */
    public static void createTimelineStreams(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            KStream<String, DuplicateNotice> repeatsByOriginal,
            StreamsAppConfig config,
            TopologySerdes serdes) {
        TimelineStores stores = TimelineStores.standard();
        Serde<String> keys = Serdes.String();
        Serde<TimelineEntry> entrySerde = serdes.valueSerde(TimelineEntry.class);
        Serde<TopicTimeline> timelineSerde = serdes.valueSerde(TopicTimeline.class);

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(stores.articleTopics()), keys, Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(stores.entries()), Serdes.Bytes(), entrySerde));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.entryDates()), keys, Serdes.Long()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(stores.expiryIndex()), Serdes.Bytes(), Serdes.String()));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.headers()), keys, timelineSerde));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(stores.dirtyTopics()), keys, Serdes.Long()));

        KStream<String, TimelineEntry> entries;
        if (repeatsByOriginal == null) {
            entries = enriched.process(
                    () -> new ArticleTopicsTracker(stores.articleTopics()),
                    Named.as("explode-topic-entries"),
                    stores.articleTopics());
        } else {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(stores.alsoReported()), keys, Serdes.String()));
            KStream<String, TimelineEntry> filed = enriched.process(
                    () -> new ArticleTopicsTracker(stores.articleTopics(), stores.alsoReported()),
                    Named.as("explode-topic-entries"),
                    stores.articleTopics(),
                    stores.alsoReported());
            KStream<String, TimelineEntry> patches = repeatsByOriginal.process(
                    () -> new AlsoReportedTracker(stores.articleTopics(), stores.alsoReported()),
                    Named.as("track-also-reported-by"),
                    stores.articleTopics(),
                    stores.alsoReported());
            entries = filed.merge(patches, Named.as("merge-entries-and-patches"));
        }
        KStream<String, TimelineEntry> changes = entries.repartition(
                        Repartitioned.<String, TimelineEntry>as(TIMELINE_REPARTITION)
                                .withKeySerde(keys)
                                .withValueSerde(entrySerde)
                                .withStreamPartitioner(new TopicIdPartitioner<>()))
                .process(
                        () -> new TimelineWriter(stores, config.timelineRetention(), config.expiryInterval()),
                        Named.as("apply-timeline-entry"),
                        stores.entries(),
                        stores.entryDates(),
                        stores.expiryIndex(),
                        stores.headers());

        changes.to(
                Topics.TIMELINE_ENTRIES,
                Produced.with(keys, entrySerde)
                        .withStreamPartitioner(new TopicIdPartitioner<>())
                        .withName("write-timeline-entries"));

        changes.process(
                        () -> new TimelineSnapshotter(stores, config.snapshotEntries(), config.snapshotInterval()),
                        Named.as("snapshot-dirty-timelines"),
                        stores.dirtyTopics(),
                        stores.entries(),
                        stores.headers())
                .to(Topics.TIMELINES, Produced.with(keys, timelineSerde).withName("write-timeline-snapshots"));
    }
}
