package io.newsline.streams.dedup;

import io.newsline.avro.ParsedArticle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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
public final class DedupTopology {
    public static final String BAND_INDEX = "dedup-band-index";
    public static final String FINGERPRINT_INDEX = "dedup-fingerprint-index";
    public static final String DECIDED = "dedup-decided";
    public static final String PENDING = "dedup-pending";
    public static final String WAITING = "dedup-waiting-articles";

    private DedupTopology() {}

    /** Adds deduplication for {@code parsed} (keyed by article id) and returns one outcome stream keyed by id. */
    public static KStream<String, DedupOutcome> createDedupStream(
            StreamsBuilder builder, KStream<String, ParsedArticle> parsed, DedupSettings settings) {
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
        KStream<String, DedupEvent> fromMessages = builder.stream(
                        settings.exchangeTopic(),
                        Consumed.with(Serdes.String(), DedupMessage.serde()).withName("read-dedup-exchange"))
                .process(() -> new Deduplicator.Messages(settings), Named.as("dedup-handle-message"), stores);

        Map<String, KStream<String, DedupEvent>> events = fromArticles
                .merge(fromMessages, Named.as("dedup-merge-events"))
                .split(Named.as("dedup-"))
                .branch((key, event) -> event instanceof DedupEvent.Send, Branched.as("messages"))
                .defaultBranch(Branched.as("outcomes"));
        events.get("dedup-messages")
                .mapValues(event -> ((DedupEvent.Send) event).message(), Named.as("dedup-message"))
                .to(
                        settings.exchangeTopic(),
                        Produced.with(Serdes.String(), DedupMessage.serde())
                                .withStreamPartitioner(new AddressedPartitioner())
                                .withName("write-dedup-exchange"));
        return events.get("dedup-outcomes")
                .mapValues(event -> ((DedupEvent.Outcome) event).outcome(), Named.as("dedup-outcome"));
    }

    /** Sends each message to the partition it names (a bucket, modulo the partition count). */
    static final class AddressedPartitioner implements StreamPartitioner<String, DedupMessage> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, DedupMessage message, int numPartitions) {
            return Optional.of(Set.of(Math.floorMod(message.partition(), numPartitions)));
        }
    }
}
