package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.ParsedArticle;
import io.newsline.streams.topics.TypedTopic;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;

/**
 * Exact and near deduplication as a piece of topology (the rule and why it is deterministic:
 * {@link Deduplicator}; the design and figures: {@code docs/near-duplicates.md}):
 *
 * <pre>
 * parsed articles (keyed by article id, on their home partition)
 *   -> dedup-probe-article        stores the article in dedup-waiting-articles and its state in dedup-pending;
 *                                 one Probe per bucket its band keys
 *                                 and body fingerprint fall in
 * [dedup exchange topic]  (partitioned by the partition each message names)
 *   -> dedup-handle-message
 *        Probe         at a bucket: look up dedup-band-index / dedup-fingerprint-index, add the article,
 *                      Reply with the articles found
 *        Reply         at the article's home: a Compare to each partner found (with the article's shingles)
 *        Compare       at the partner's home: exact Jaccard similarity, CompareResult back; revises the partner
 *                      when the sender precedes it
 *        CompareResult at the article's home: once every Reply and CompareResult is in, the verdict
 *                      (dedup-decided keeps it with the shingles for later comparisons)
 *   -> outcomes keyed by article id: originals, duplicate notices, revisions
 * </pre>
 *
 * <p>An article costs one Probe per bucket (at most the partition count) and one Reply per Probe, plus a Compare
 * and a CompareResult per candidate partner (rare: only articles sharing a band key). The exchange topic is an
 * ordinary topic the app creates (like its output topics) with the raw topic's partition count, because Kafka
 * Streams' internal repartition topics cannot feed a processor that writes to them.
 */
public final class DedupStage {
    /**
     * The duplicate notices keyed by the id of the original they repeat, on their way to that original's partition
     * (for "also reported by").
     */
    public static final String REPEATS_REPARTITION = "duplicates-by-original";

    public static final String BAND_INDEX = "dedup-band-index";
    public static final String FINGERPRINT_INDEX = "dedup-fingerprint-index";
    public static final String DECIDED = "dedup-decided";
    public static final String PENDING = "dedup-pending";
    public static final String WAITING = "dedup-waiting-articles";

    /**
     * What deduplication lets through and what it drops, keyed by article id unless said otherwise.
     *
     * @param originals the articles that go on
     * @param retracted the notices of articles let through before and now found to repeat an earlier one (keyed by
     *     the retracted article's id): whatever they produced downstream must be withdrawn
     * @param repeatsByOriginal every duplicate notice, exact and near, keyed by the id of the original it repeats and
     *     on that original's partition
     */
    public record Verdicts(
            KStream<String, ParsedArticle> originals,
            KStream<String, DuplicateNotice> retracted,
            KStream<String, DuplicateNotice> repeatsByOriginal) {}

    private final DedupSettings settings;
    private final TypedTopic<String, DuplicateNotice> duplicates;

    /**
     * @param settings the rule's settings and the exchange topic
     * @param duplicates where the notices of the duplicates dropped are published
     */
    public DedupStage(DedupSettings settings, TypedTopic<String, DuplicateNotice> duplicates) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
    }

    /**
     * Deduplicates {@code parsed} (keyed by article id): the notices of duplicates go to the duplicates topic and
     * the verdicts are returned.
     */
    public Verdicts deduplicate(StreamsBuilder builder, KStream<String, ParsedArticle> parsed) {
        KStream<String, DedupOutcome> outcomes = outcomes(builder, parsed);
        KStream<String, ParsedArticle> originals = outcomes.flatMapValues(
                outcome -> outcome.original().stream().toList(), Named.as("dedup-verdict-originals"));
        KStream<String, DedupOutcome.Duplicate> dropped = outcomes.flatMapValues(
                outcome -> outcome.duplicate().stream().toList(), Named.as("dedup-verdict-duplicates"));

        KStream<String, DuplicateNotice> notices =
                dropped.mapValues(DedupOutcome.Duplicate::notice, Named.as("duplicate-notice"));
        notices.to(duplicates.name(), duplicates.produced("write-duplicates"));
        KStream<String, DuplicateNotice> repeats = notices.map(
                        (articleId, notice) -> KeyValue.pair(notice.getOriginalId(), notice),
                        Named.as("key-duplicate-by-original"))
                .repartition(Repartitioned.<String, DuplicateNotice>as(REPEATS_REPARTITION)
                        .withKeySerde(duplicates.keySerde())
                        .withValueSerde(duplicates.valueSerde()));
        KStream<String, DuplicateNotice> retracted = dropped.filter(
                        (articleId, duplicate) -> duplicate.retracted(), Named.as("retracted-originals"))
                .mapValues(DedupOutcome.Duplicate::notice, Named.as("retracted-notice"));
        return new Verdicts(originals, retracted, repeats);
    }

    /** The state stores, the exchange topic and the processors; one outcome per article, keyed by its id. */
    private KStream<String, DedupOutcome> outcomes(StreamsBuilder builder, KStream<String, ParsedArticle> parsed) {
        Duration nearRetention = settings.near().retention();
        Duration decidedRetention =
                settings.exactRetention().compareTo(nearRetention) > 0 ? settings.exactRetention() : nearRetention;
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(BAND_INDEX, nearRetention, nearRetention, true),
                Serdes.Long(),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                        FINGERPRINT_INDEX, settings.exactRetention(), settings.exactRetention(), true),
                Serdes.Long(),
                Serdes.ByteArray()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(DECIDED, decidedRetention, decidedRetention, false),
                Serdes.Bytes(),
                DedupState.decidedSerde()));
        // Cached: an article's waiting state (counters, no text) changes with every reply; the cache folds those
        // into about two changelog records per article (written once, deleted once).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(PENDING), Serdes.Bytes(), DedupState.pendingSerde())
                .withCachingEnabled());
        // The article itself while it waits: written once, read and deleted once at its verdict.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WAITING), Serdes.Bytes(), DedupState.articleSerde()));
        String[] stores = {BAND_INDEX, FINGERPRINT_INDEX, DECIDED, PENDING, WAITING};

        KStream<String, DedupEvent> fromArticles =
                parsed.process(() -> new Deduplicator.Arrivals(settings), Named.as("dedup-probe-article"), stores);
        // The tasks' messages to each other (keys unused): null keys, the app's own compact encoding.
        TypedTopic<String, DedupMessage> exchange =
                new TypedTopic<>(settings.exchangeTopic(), Serdes.String(), DedupMessage.serde());
        KStream<String, DedupEvent> fromMessages = builder.stream(
                        exchange.name(), exchange.consumed("read-dedup-exchange"))
                .process(() -> new Deduplicator.Messages(settings), Named.as("dedup-handle-message"), stores);

        KStream<String, DedupEvent> events = fromArticles.merge(fromMessages, Named.as("dedup-merge-events"));
        events.flatMapValues(event -> event.message().stream().toList(), Named.as("dedup-message"))
                .to(exchange.name(), exchange.produced("write-dedup-exchange", new AddressedPartitioner()));
        return events.flatMapValues(event -> event.outcome().stream().toList(), Named.as("dedup-outcome"));
    }

    /** Sends each message to the partition it names (a bucket, modulo the partition count). */
    static final class AddressedPartitioner implements StreamPartitioner<String, DedupMessage> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, DedupMessage message, int numPartitions) {
            return Optional.of(Set.of(Math.floorMod(message.partition(), numPartitions)));
        }
    }
}
