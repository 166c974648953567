package io.newsline.streams.dedup;

import io.newsline.avro.NearDupArticle;
import io.newsline.avro.NearDupBand;
import io.newsline.avro.NearDupBandResult;
import io.newsline.avro.NearDupCandidate;
import io.newsline.avro.NearDupPartner;
import io.newsline.avro.NearDupPending;
import io.newsline.avro.NearDupSketch;
import io.newsline.avro.ParsedArticle;
import io.newsline.streams.TopologySerdes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Near-duplicate detection as a piece of topology, between exact deduplication and enrichment (see
 * {@code docs/near-duplicates.md} for the diagram):
 *
 * <pre>
 * originals of exact dedup
 *   -> near-dedup-prepare                     (shingles, MinHash, band keys, seen-at)
 *        -> [near-dedup-bands]      keyed by band key  -> near-dedup-find-candidates  (store near-dedup-band-index)
 *             candidates -> [near-dedup-candidates]   keyed by partner id
 *             results    -> [near-dedup-band-results] keyed by article id
 *        -> [near-dedup-sketches]   keyed by article id -> near-dedup-store-sketch
 *           [near-dedup-candidates]                     -> near-dedup-attach-sketch
 *              (stores near-dedup-sketch-index, near-dedup-waiting-candidates)
 *             partners -> [near-dedup-partners]     keyed by article id
 *        -> [near-dedup-articles]   keyed by article id
 *   [near-dedup-articles] + [near-dedup-band-results] + [near-dedup-partners]
 *   -> near-dedup-decide                      (store near-dedup-pending-verdicts)
 *        -> one verdict per article: the article (original) or a NEAR duplicate notice
 * </pre>
 *
 * Every repartition topic and store is named; processors are named after what they do.
 */
public final class NearDuplicateTopology {
    public static final String BANDS_TOPIC = "near-dedup-bands";
    public static final String CANDIDATES_TOPIC = "near-dedup-candidates";
    public static final String BAND_RESULTS_TOPIC = "near-dedup-band-results";
    public static final String SKETCHES_TOPIC = "near-dedup-sketches";
    public static final String PARTNERS_TOPIC = "near-dedup-partners";
    public static final String ARTICLES_TOPIC = "near-dedup-articles";

    public static final String BAND_STORE = "near-dedup-band-index";
    public static final String SKETCH_STORE = "near-dedup-sketch-index";
    public static final String WAITING_STORE = "near-dedup-waiting-candidates";
    public static final String PENDING_STORE = "near-dedup-pending-verdicts";

    private NearDuplicateTopology() {}

    /**
     * Adds near-duplicate detection to {@code builder} for the given exact-dedup originals (any key) and returns
     * one outcome per article, keyed by article id: the article if it is an original, else its NEAR notice.
     */
    public static KStream<String, DedupOutcome> detect(
            StreamsBuilder builder,
            KStream<String, ParsedArticle> originals,
            NearDuplicateParams params,
            TopologySerdes serdes) {
        Serde<String> ids = Serdes.String();
        ArticleSketch.Sketcher sketcher = new ArticleSketch.Sketcher(params);

        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(BAND_STORE, params.retention(), params.retention(), true),
                Serdes.Long(),
                new ArticleIdSerde()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(SKETCH_STORE, params.retention(), params.retention(), false),
                ids,
                serdes.valueSerde(NearDupSketch.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(WAITING_STORE), ids, serdes.valueSerde(NearDupCandidate.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PENDING_STORE), ids, serdes.valueSerde(NearDupPending.class)));

        KStream<String, PreparedArticle> prepared =
                originals.processValues(() -> new NearDuplicatePrepare(sketcher), Named.as("near-dedup-prepare"));

        // Band stage: one record per band, keyed by the band key.
        var bandOutput = prepared.flatMap((key, article) -> bandRecords(article), Named.as("near-dedup-emit-bands"))
                .repartition(Repartitioned.<Long, NearDupBand>as(BANDS_TOPIC)
                        .withKeySerde(Serdes.Long())
                        .withValueSerde(serdes.valueSerde(NearDupBand.class)))
                .process(
                        () -> new NearDuplicateBandIndex(BAND_STORE, params.retention(), params.maxWait()),
                        Named.as("near-dedup-find-candidates"),
                        BAND_STORE)
                .split(Named.as("near-dedup-band-"))
                .branch((key, message) -> message instanceof NearDupCandidate, Branched.as("candidates"))
                .defaultBranch(Branched.as("results"));
        KStream<String, NearDupCandidate> candidates = NearDuplicateTopology.<NearDupCandidate>narrow(
                        bandOutput.get("near-dedup-band-candidates"))
                .repartition(Repartitioned.<String, NearDupCandidate>as(CANDIDATES_TOPIC)
                        .withKeySerde(ids)
                        .withValueSerde(serdes.valueSerde(NearDupCandidate.class)));
        KStream<String, NearDupBandResult> bandResults = NearDuplicateTopology.<NearDupBandResult>narrow(
                        bandOutput.get("near-dedup-band-results"))
                .repartition(Repartitioned.<String, NearDupBandResult>as(BAND_RESULTS_TOPIC)
                        .withKeySerde(ids)
                        .withValueSerde(serdes.valueSerde(NearDupBandResult.class)));

        // Sketch stage: keyed by article id; stores sketches and attaches them to the candidates naming them.
        KStream<String, NearDupPartner> fromNewSketches = prepared.map(
                        (key, article) -> KeyValue.pair(article.article().getArticleId(), sketchOf(article)),
                        Named.as("near-dedup-emit-sketch"))
                .repartition(Repartitioned.<String, NearDupSketch>as(SKETCHES_TOPIC)
                        .withKeySerde(ids)
                        .withValueSerde(serdes.valueSerde(NearDupSketch.class)))
                .process(
                        () -> new NearDuplicateSketches.Store(SKETCH_STORE, WAITING_STORE),
                        Named.as("near-dedup-store-sketch"),
                        SKETCH_STORE,
                        WAITING_STORE);
        KStream<String, NearDupPartner> fromStoredSketches = candidates.process(
                () -> new NearDuplicateSketches.Attach(SKETCH_STORE, WAITING_STORE, params.retention()),
                Named.as("near-dedup-attach-sketch"),
                SKETCH_STORE,
                WAITING_STORE);
        KStream<String, NearDupPartner> partners = fromStoredSketches
                .merge(fromNewSketches, Named.as("near-dedup-merge-partners"))
                .repartition(Repartitioned.<String, NearDupPartner>as(PARTNERS_TOPIC)
                        .withKeySerde(ids)
                        .withValueSerde(serdes.valueSerde(NearDupPartner.class)));

        // Verdict stage: keyed by article id; the article waits here for its band results and partners.
        KStream<String, NearDupArticle> articles = prepared.map(
                        (key, article) -> KeyValue.pair(
                                article.article().getArticleId(),
                                new NearDupArticle(
                                        article.article(), java.time.Instant.ofEpochMilli(article.seenAtMillis()))),
                        Named.as("near-dedup-emit-article"))
                .repartition(Repartitioned.<String, NearDupArticle>as(ARTICLES_TOPIC)
                        .withKeySerde(ids)
                        .withValueSerde(serdes.valueSerde(NearDupArticle.class)));

        return NearDuplicateTopology.<Object>narrow(articles)
                .merge(narrow(bandResults), Named.as("near-dedup-merge-band-results"))
                .merge(narrow(partners), Named.as("near-dedup-merge-verdict-inputs"))
                .process(
                        () -> new NearDuplicateVerdicts(PENDING_STORE, params),
                        Named.as("near-dedup-decide"),
                        PENDING_STORE);
    }

    static List<KeyValue<Long, NearDupBand>> bandRecords(PreparedArticle article) {
        long[] keys = article.sketch().bandKeys();
        List<KeyValue<Long, NearDupBand>> records = new ArrayList<>(keys.length);
        for (int band = 0; band < keys.length; band++) {
            records.add(
                    KeyValue.pair(keys[band], new NearDupBand(article.article().getArticleId(), band)));
        }
        return records;
    }

    static NearDupSketch sketchOf(PreparedArticle article) {
        return NearDupSketch.newBuilder()
                .setArticleId(article.article().getArticleId())
                .setIngestedAt(article.article().getSource().getIngestedAt())
                .setSeenAt(java.time.Instant.ofEpochMilli(article.seenAtMillis()))
                .setShingles(ByteBuffer.wrap(Shingles.toBytes(article.sketch().shingles())))
                .build();
    }

    /** Kafka Streams does not look at the value type at run time; this only changes what the compiler sees. */
    @SuppressWarnings("unchecked")
    private static <V> KStream<String, V> narrow(KStream<String, ?> stream) {
        return (KStream<String, V>) stream;
    }
}
