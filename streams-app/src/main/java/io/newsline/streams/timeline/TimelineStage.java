package io.newsline.streams.timeline;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.streams.avro.AlsoReportedPatch;
import io.newsline.streams.topics.InternalAvroSerde;
import io.newsline.streams.topics.TypedTopic;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The timeline stages: enriched articles -> one entry per topic -> timelines in stores -> entries and bounded
 * snapshots. A null value on the enriched stream (key = article id) retracts the article: all its entries are
 * removed and its topics forgotten. With duplicate notices keyed by original id (partitioned like the articles),
 * the entries list the sources that also reported each article.
 *
 * <p>Two stages. Filing, on the article's partition: each article becomes one entry per topic written straight to
 * the entries topic (partitioned by topic id), with no internal topic in between. Timelines, on the topic's
 * partition: that topic is read back as a table whose store is restored from the topic itself
 * ({@code topology.optimization} includes {@code reuse.ktable.source.topics}, a default of the app), so the entries
 * cost no changelog; a small index orders them for snapshots and expiry. Whatever writes an entry (filing, the "also
 * reported by" patcher, expiry) is applied through that one topic, in its order.
 */
public final class TimelineStage {
    /**
     * The sources that repeated an already filed article, per topic it is filed under, on their way to the partition
     * of that topic; as many partitions as the entries topic.
     */
    public static final String ALSO_REPORTED_REPARTITION = "timeline-also-reported-by";

    private final TypedTopic<String, TimelineEntry> entries;
    private final TypedTopic<String, TopicTimeline> timelines;
    private final TimelineSettings settings;
    private final TimelineStores stores = TimelineStores.standard();

    public TimelineStage(
            TypedTopic<String, TimelineEntry> entries,
            TypedTopic<String, TopicTimeline> timelines,
            TimelineSettings settings) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.timelines = Objects.requireNonNull(timelines, "timelines");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Files {@code enriched} on its timelines and keeps the timelines and their snapshots; returns the snapshots on
     * their way to the timelines topic, keyed by topic id.
     */
    public KStream<String, TopicTimeline> build(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
        file(builder, enriched);
        return index(builder, false);
    }

    /** As {@link #build(StreamsBuilder, KStream)}, and the entries list the sources in {@code repeatsByOriginal}. */
    public KStream<String, TopicTimeline> build(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            KStream<String, DuplicateNotice> repeatsByOriginal) {
        KStream<String, TopicTimeline> snapshots = build(builder, enriched);
        patchAlsoReportedBy(builder, repeatsByOriginal, null);
        return snapshots;
    }

    /**
     * As {@link #build(StreamsBuilder, KStream, KStream)}, and topics merged into others ({@code merges}, key: the
     * merged topic id, value: the topic it went into; partitioned like the entries topic, by topic id) hand their
     * entries over: those filed before the merge move, those filed after it (or retracted after the move) are
     * re-routed to the survivor (store {@code timeline-merged-topics}, see {@link MergedTopics}), and so are "also
     * reported by" lists for moved entries, through the app's own topic {@code reroutedListsTopic} ({@link
     * TimelineSettings#reroutedListsTopic}; as many partitions as the entries topic).
     */
    public KStream<String, TopicTimeline> build(
            StreamsBuilder builder,
            KStream<String, EnrichedArticle> enriched,
            KStream<String, DuplicateNotice> repeatsByOriginal,
            KStream<String, String> merges,
            String reroutedListsTopic) {
        file(builder, enriched);
        KStream<String, TopicTimeline> snapshots = index(builder, true);
        patchAlsoReportedBy(builder, repeatsByOriginal, Objects.requireNonNull(reroutedListsTopic, "topic"));
        moveMergedTopics(merges);
        return snapshots;
    }

    /**
     * Filing (article partitions): one small record per article, changelogged; cached so that an article and a
     * notice about it within one commit cost one changelog record.
     */
    private void file(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(stores.filed()), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingEnabled());
        enriched.process(
                        () -> new ArticleFiler(stores.filed(), settings.retention()),
                        Named.as("file-timeline-entries"),
                        stores.filed())
                .to(entries.name(), toEntries("write-timeline-entries"));
    }

    /**
     * Timelines (topic partitions): the entries as a table restored from the entries topic itself; not cached, so
     * every record read back reaches the index right after the table has it.
     */
    private KStream<String, TopicTimeline> index(StreamsBuilder builder, boolean followMerges) {
        KStream<String, TimelineEntry> changes = builder.table(
                        entries.name(),
                        entries.consumed("read-timeline-entries"),
                        Materialized.<String, TimelineEntry, KeyValueStore<Bytes, byte[]>>as(stores.entries())
                                .withKeySerde(entries.keySerde())
                                .withValueSerde(entries.valueSerde())
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

        String[] indexerStores = {stores.index(), stores.locator()};
        if (followMerges) {
            // Small (one record per merge, forgotten with the retention); changelogged: it cannot be recomputed.
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(stores.mergedTopics()), Serdes.Bytes(), Serdes.ByteArray()));
            indexerStores = new String[] {stores.index(), stores.locator(), stores.mergedTopics()};
        }
        changes.process(
                        () -> new TimelineIndexer(
                                stores, settings.retention(), settings.expiryInterval(), followMerges),
                        Named.as("index-timeline-entries"),
                        indexerStores)
                .to(entries.name(), toEntries("write-expired-timeline-entries"));
        KStream<String, TopicTimeline> snapshots = changes.process(
                () -> new TimelineSnapshotter(
                        stores, settings.snapshotEntries(), settings.snapshotInterval(), settings.retention()),
                Named.as("snapshot-dirty-timelines"),
                stores.dirtyTopics(),
                stores.entries(),
                stores.index(),
                stores.locator());
        snapshots.to(timelines.name(), timelines.produced("write-timeline-snapshots"));
        return snapshots;
    }

    /**
     * "Also reported by": the filing stage tracks the sources, the timeline side rewrites the entries. With {@code
     * reroutedListsTopic} (merges followed), lists for entries that moved with their story go on to the survivor
     * through that topic, which the patcher reads as well.
     */
    private void patchAlsoReportedBy(
            StreamsBuilder builder, KStream<String, DuplicateNotice> repeatsByOriginal, String reroutedListsTopic) {
        InternalAvroSerde<AlsoReportedPatch> patchSerde = new InternalAvroSerde<>(AlsoReportedPatch.class);
        KStream<String, AlsoReportedPatch> lists = repeatsByOriginal
                .process(
                        () -> new AlsoReportedTracker(stores.filed()),
                        Named.as("track-also-reported-by"),
                        stores.filed())
                .repartition(Repartitioned.<String, AlsoReportedPatch>as(ALSO_REPORTED_REPARTITION)
                        .withKeySerde(entries.keySerde())
                        .withValueSerde(patchSerde)
                        .withNumberOfPartitions(settings.partitions())
                        .withStreamPartitioner(new TopicIdPartitioner<>()));
        boolean followMerges = reroutedListsTopic != null;
        String[] patcherStores = {stores.entries(), stores.index(), stores.locator()};
        if (followMerges) {
            lists = lists.merge(
                    builder.stream(
                            reroutedListsTopic,
                            Consumed.with(entries.keySerde(), patchSerde).withName("read-rerouted-also-reported-by")),
                    Named.as("merge-rerouted-also-reported-by"));
            patcherStores = new String[] {stores.entries(), stores.index(), stores.locator(), stores.mergedTopics()};
        }
        KStream<String, AlsoReportedPatcher.Output> patched = lists.process(
                () -> new AlsoReportedPatcher(stores, settings.retention(), followMerges),
                Named.as("patch-also-reported-by"),
                patcherStores);
        patched.filter((key, out) -> out.entry() != null, Named.as("patched-timeline-entries"))
                .mapValues(AlsoReportedPatcher.Output::entry, Named.as("patched-timeline-entry"))
                .to(entries.name(), toEntries("write-patched-timeline-entries"));
        if (followMerges) {
            patched.filter((key, out) -> out.rerouted() != null, Named.as("rerouted-also-reported-by"))
                    .mapValues(AlsoReportedPatcher.Output::rerouted, Named.as("rerouted-also-reported-by-list"))
                    .to(
                            reroutedListsTopic,
                            Produced.with(entries.keySerde(), patchSerde)
                                    .withStreamPartitioner(new TopicIdPartitioner<>())
                                    .withName("write-rerouted-also-reported-by"));
        }
    }

    /**
     * Merged topics (key: the merged topic id, value: the topic it went into; partitioned like the entries topic, by
     * topic id): remembered, and their entries move to the topic they went into.
     */
    private void moveMergedTopics(KStream<String, String> merges) {
        merges.process(
                        () -> new MergedTopicMover(stores, settings.retention(), settings.expiryInterval()),
                        Named.as("move-merged-timeline-entries"),
                        stores.entries(),
                        stores.index(),
                        stores.locator(),
                        stores.mergedTopics())
                .to(entries.name(), toEntries("write-moved-timeline-entries"));
    }

    /** Entries are partitioned by topic id, so a topic's entries are in one partition, in order. */
    private Produced<String, TimelineEntry> toEntries(String processorName) {
        return entries.produced(processorName, new TopicIdPartitioner<>());
    }
}
