package io.newsline.streams;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.ParsedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.streams.articles.EnrichStep;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.dedup.DedupOutcome;
import io.newsline.streams.dedup.DedupTopology;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.story.StoryTopology;
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
 *   -> dedup-probe-article / [<app>-dedup-exchange] / dedup-handle-message
 *                                         (DedupTopology: exact + near dedup by probes, replies, comparisons;
 *                                          stores dedup-band-index, -fingerprint-index, -decided, -pending,
 *                                          -waiting-articles)
 *        duplicates -> news.articles.duplicates, and by original id -> [duplicates-by-original repartition]
 *        retracted  -> a tombstone on news.articles.enriched and on the timelines
 *        originals  -> enrich-article -> story stage (StoryTopology: [story-by-anchor repartition] -> assign-story;
 *                      stores story-stories, story-index) -> news.articles.enriched with storyId, and the story's
 *                      timeline entry (kind STORY) -> news.timeline-entries
 *   -> file-timeline-entries              (one entry per topic, with "also reported by"; store timeline-filed)
 *        -> news.timeline-entries         (compacted, key topicId|articleId, partitioned by topic id)
 *   [duplicates-by-original]
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
    public static final String REPEATS_REPARTITION = "duplicates-by-original";
    /**
     * The sources that repeated an already filed article, per topic it is filed under, on their way to the
     * partition of that topic; as many partitions as {@code news.timeline-entries} ({@code newsline.topics.partitions}).
     */
    public static final String ALSO_REPORTED_REPARTITION = "timeline-also-reported-by";

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

        KStream<String, EnrichedArticle> originals = outcomes.get("dedup-verdict-originals")
                .mapValues(outcome -> EnrichStep.enrich(outcome.original()), Named.as("enrich-article"));
        KStream<String, EnrichedArticle> enriched = originals.merge(retractions, Named.as("merge-retractions"));
        StorySettings stories = StorySettings.from(config.clientSettings());
        if (stories.enabled()) {
            // Originals reach news.articles.enriched from the story stage, with their story id; retractions from here.
            StoryTopology.create(
                    builder,
                    originals,
                    stories,
                    config.topicPartitions(),
                    serdes.valueSerde(EnrichedArticle.class),
                    serdes.valueSerde(TimelineEntry.class));
            retractions.to(
                    Topics.ENRICHED_ARTICLES,
                    Produced.with(keys, serdes.valueSerde(EnrichedArticle.class))
                            .withName("write-enriched-articles"));
        } else {
            enriched.to(
                    Topics.ENRICHED_ARTICLES,
                    Produced.with(keys, serdes.valueSerde(EnrichedArticle.class))
                            .withName("write-enriched-articles"));
        }
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
