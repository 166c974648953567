package io.newsline.streams;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.ParsedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.streams.dedup.DedupOutcome;
import io.newsline.streams.dedup.ExactDuplicateFilter;
import io.newsline.streams.dedup.NearDuplicateParams;
import io.newsline.streams.dedup.NearDuplicateTopology;
import io.newsline.streams.enrich.EnrichStep;
import io.newsline.streams.parse.ParseStep;
import io.newsline.streams.timeline.AlsoReportedPatcher;
import io.newsline.streams.timeline.AlsoReportedTracker;
import io.newsline.streams.timeline.ArticleFiler;
import io.newsline.streams.timeline.TimelineIndexer;
import io.newsline.streams.timeline.TimelineSnapshotter;
import io.newsline.streams.timeline.TimelineStores;
import io.newsline.streams.timeline.TopicIdPartitioner;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
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
 *   -> file-timeline-entries              (one entry per topic, with "also reported by"; store timeline-filed)
 *        -> news.timeline-entries         (compacted, key topicId|articleId, partitioned by topic id)
 *   [dedup-repeats-exact] + [dedup-repeats-near]
 *   -> track-also-reported-by             (store timeline-filed) -> [timeline-also-reported-by repartition]
 * news.timeline-entries, read back as a table (store timeline-entries, restored from the topic: no changelog)
 *   -> index-timeline-entries             (stores timeline-index, timeline-locator; expiry -> tombstones)
 *   -> snapshot-dirty-timelines           (store timeline-dirty-topics; one snapshot per topic per interval)
 *        -> news.timelines                (compacted, key topicId)
 *   [timeline-also-reported-by] -> patch-also-reported-by -> news.timeline-entries (the whole entry, new list)
 * </pre>
 *
 * Every processor, store and internal topic is named, and the app refuses generated names
 * ({@code ensure.explicit.internal.resource.naming}), so internal topics keep their names across versions.
 */
public final class NewslineTopology {
    public static final String DEDUP_STORE = "exact-dedup-fingerprints";
    public static final String FINGERPRINT_REPARTITION = "articles-by-fingerprint";
    /**
     * The sources that repeated an already filed article, per topic it is filed under, on their way to the
     * partition of that topic; as many partitions as {@code news.timeline-entries} ({@code newsline.topics.partitions}).
     */
    public static final String ALSO_REPORTED_REPARTITION = "timeline-also-reported-by";

    public static final String EXACT_REPEATS_REPARTITION = "dedup-repeats-exact";
    public static final String NEAR_REPEATS_REPARTITION = "dedup-repeats-near";

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

    /** Raw articles -> parsed -> exact dedup -> enriched; duplicates go to their own topic and no further. */
    public static KStream<String, EnrichedArticle> createArticlesStream(
            StreamsBuilder builder, StreamsAppConfig config, TopologySerdes serdes) {
        return createArticleStreams(builder, config, serdes).enriched();
    }

    /**
     * Raw articles -> parsed -> exact dedup -> near dedup -> enriched; duplicates go to their own topic and, keyed
     * by their original, to "also reported by".
     */
    public static ArticleStreams createArticleStreams(
            StreamsBuilder builder, StreamsAppConfig config, TopologySerdes serdes) {
        Serde<String> keys = Serdes.String();
        Serde<ParsedArticle> parsedSerde = serdes.valueSerde(ParsedArticle.class);

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DEDUP_STORE, config.dedupRetention(), config.dedupRetention(), false),
                Serdes.String(),
                Serdes.String()));

        Map<String, KStream<String, DedupOutcome>> outcomes = builder.stream(
                        Topics.RAW_ARTICLES,
                        Consumed.with(keys, serdes.valueSerde(RawArticle.class)).withName("read-raw-articles"))
                .mapValues(ParseStep::parse, Named.as("parse-article"))
                .selectKey((articleId, article) -> article.getFingerprint(), Named.as("key-by-fingerprint"))
                .repartition(Repartitioned.<String, ParsedArticle>as(FINGERPRINT_REPARTITION)
                        .withKeySerde(keys)
                        .withValueSerde(parsedSerde))
                .process(
                        () -> new ExactDuplicateFilter(DEDUP_STORE, config.dedupRetention()),
                        Named.as("exact-dedup"),
                        DEDUP_STORE)
                .split(Named.as("dedup-"))
                .branch((fingerprint, outcome) -> outcome.isDuplicate(), Branched.as("duplicates"))
                .defaultBranch(Branched.as("originals"));

        Serde<DuplicateNotice> noticeSerde = serdes.valueSerde(DuplicateNotice.class);
        outcomes.get("dedup-duplicates")
                .map(
                        (fingerprint, outcome) ->
                                KeyValue.pair(outcome.duplicate().getDuplicateId(), outcome.duplicate()),
                        Named.as("key-duplicate-by-id"))
                .to(Topics.DUPLICATES, Produced.with(keys, noticeSerde).withName("write-duplicates"));

        KStream<String, DedupOutcome> originals = outcomes.get("dedup-originals");
        KStream<String, DuplicateNotice> repeats = null;
        NearDuplicateParams near = config.nearDuplicates();
        if (near.enabled()) {
            Map<String, KStream<String, DedupOutcome>> nearOutcomes = NearDuplicateTopology.detect(
                            builder,
                            originals.mapValues(DedupOutcome::original, Named.as("exact-dedup-original-article")),
                            near,
                            serdes)
                    .split(Named.as("near-dedup-"))
                    .branch((articleId, outcome) -> outcome.isDuplicate(), Branched.as("duplicates"))
                    .defaultBranch(Branched.as("originals"));
            KStream<String, DedupOutcome> nearDuplicates = nearOutcomes.get("near-dedup-duplicates");
            nearDuplicates
                    .mapValues(DedupOutcome::duplicate, Named.as("near-dedup-notice"))
                    .to(Topics.DUPLICATES, Produced.with(keys, noticeSerde).withName("write-near-duplicates"));
            KStream<String, DuplicateNotice> exactRepeats =
                    byOriginal(outcomes.get("dedup-duplicates"), EXACT_REPEATS_REPARTITION, "exact-dedup", noticeSerde);
            KStream<String, DuplicateNotice> nearRepeats =
                    byOriginal(nearDuplicates, NEAR_REPEATS_REPARTITION, "near-dedup", noticeSerde);
            repeats = exactRepeats.merge(nearRepeats, Named.as("merge-repeats"));
            originals = nearOutcomes.get("near-dedup-originals");
        }

        KStream<String, EnrichedArticle> enriched = originals.map(
                (key, outcome) ->
                        KeyValue.pair(outcome.original().getArticleId(), EnrichStep.enrich(outcome.original())),
                Named.as("enrich-article"));
        enriched.to(
                Topics.ENRICHED_ARTICLES,
                Produced.with(keys, serdes.valueSerde(EnrichedArticle.class)).withName("write-enriched-articles"));
        return new ArticleStreams(enriched, repeats);
    }

    /** Duplicate notices re-keyed by the id of the original they repeat, on the partition of that original. */
    private static KStream<String, DuplicateNotice> byOriginal(
            KStream<String, DedupOutcome> duplicates, String topic, String prefix, Serde<DuplicateNotice> serde) {
        return duplicates
                .map(
                        (key, outcome) -> KeyValue.pair(outcome.duplicate().getOriginalId(), outcome.duplicate()),
                        Named.as(prefix + "-key-by-original"))
                .repartition(Repartitioned.<String, DuplicateNotice>as(topic)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(serde));
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
     * null) the entries list the sources that also reported each article. A null value on {@code enriched} (key =
     * article id) retracts the article: all its entries are removed and its topics forgotten.
     *
     * <p>Two stages. Filing, on the article's partition: each article becomes one entry per topic written straight
     * to {@code news.timeline-entries} (partitioned by topic id), with no internal topic in between. Timelines, on
     * the topic's partition: that topic is read back as a table whose store is restored from the topic itself
     * ({@code topology.optimization} includes {@code reuse.ktable.source.topics}, a default of the app), so the
     * entries cost no changelog; a small index orders them for snapshots and expiry. Whatever writes an entry
     * (filing, the "also reported by" patcher, expiry) is applied through that one topic, in its order.
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
        java.util.function.Function<String, Produced<String, TimelineEntry>> toEntries =
                name -> Produced.with(keys, entrySerde)
                        .withStreamPartitioner(new TopicIdPartitioner<>())
                        .withName(name);

        // Filing (article partitions): one small record per article, changelogged; cached so that an article and
        // a notice about it within one commit cost one changelog record.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(stores.filed()), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        enriched.process(
                        () -> new ArticleFiler(stores.filed(), config.timelineRetention()),
                        Named.as("file-timeline-entries"),
                        stores.filed())
                .to(Topics.TIMELINE_ENTRIES, toEntries.apply("write-timeline-entries"));

        // Timelines (topic partitions): the entries as a table restored from news.timeline-entries itself; not
        // cached, so every record read back reaches the index right after the table has it.
        KStream<String, TimelineEntry> changes = builder.table(
                        Topics.TIMELINE_ENTRIES,
                        Consumed.with(keys, entrySerde).withName("read-timeline-entries"),
                        Materialized.<String, TimelineEntry, KeyValueStore<Bytes, byte[]>>as(stores.entries())
                                .withKeySerde(keys)
                                .withValueSerde(entrySerde)
                                .withCachingDisabled())
                .toStream(Named.as("timeline-entry-changes"));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(stores.index()), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(stores.locator()), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled()
                .withLoggingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(stores.dirtyTopics()), Serdes.Bytes(), Serdes.ByteArray()));

        changes.process(
                        () -> new TimelineIndexer(stores, config.timelineRetention(), config.expiryInterval()),
                        Named.as("index-timeline-entries"),
                        stores.index(),
                        stores.locator())
                .to(Topics.TIMELINE_ENTRIES, toEntries.apply("write-expired-timeline-entries"));
        changes.process(
                        () -> new TimelineSnapshotter(
                                stores,
                                config.snapshotEntries(),
                                config.snapshotInterval(),
                                config.timelineRetention()),
                        Named.as("snapshot-dirty-timelines"),
                        stores.dirtyTopics(),
                        stores.entries(),
                        stores.index(),
                        stores.locator())
                .to(Topics.TIMELINES, Produced.with(keys, timelineSerde).withName("write-timeline-snapshots"));

        if (repeatsByOriginal != null) {
            repeatsByOriginal
                    .process(
                            () -> new AlsoReportedTracker(stores.filed()),
                            Named.as("track-also-reported-by"),
                            stores.filed())
                    .repartition(Repartitioned.<String, String>as(ALSO_REPORTED_REPARTITION)
                            .withKeySerde(keys)
                            .withValueSerde(Serdes.String())
                            .withNumberOfPartitions(config.topicPartitions())
                            .withStreamPartitioner(new TopicIdPartitioner<>()))
                    .process(
                            () -> new AlsoReportedPatcher(stores, config.timelineRetention()),
                            Named.as("patch-also-reported-by"),
                            stores.entries(),
                            stores.index(),
                            stores.locator())
                    .to(Topics.TIMELINE_ENTRIES, toEntries.apply("write-patched-timeline-entries"));
        }
    }
}
