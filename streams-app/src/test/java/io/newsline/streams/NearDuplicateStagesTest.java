package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.ArticleSource;
import io.newsline.avro.DateSource;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.NearDupArticle;
import io.newsline.avro.NearDupBandResult;
import io.newsline.avro.NearDupCandidate;
import io.newsline.avro.NearDupPartner;
import io.newsline.avro.NearDupPending;
import io.newsline.avro.NearDupSketch;
import io.newsline.avro.ParsedArticle;
import io.newsline.streams.dedup.DedupOutcome;
import io.newsline.streams.dedup.NearDuplicateParams;
import io.newsline.streams.dedup.NearDuplicateSketches;
import io.newsline.streams.dedup.NearDuplicateVerdicts;
import io.newsline.streams.dedup.Shingles;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The sketch and verdict stages alone, fed their inputs in orders a TopologyTestDriver never produces (it follows
 * causality), but a real task reading several topics may: a candidate before the sketch it asks for, partners and
 * band results before their article.
 */
class NearDuplicateStagesTest {
    private static final List<String> STORY = List.of(
            "The council voted on Monday night to close the old bridge over the river to cars from next spring.",
            "Engineers found cracks in two of the piers last year and warned that heavy lorries could make them"
                    + " worse, the council said in a statement on Tuesday morning.",
            "Cyclists and people on foot will still be able to cross while a new bridge is built downstream.");
    private static final List<String> UPDATED_STORY = List.of(STORY.get(0), STORY.get(1));
    private static final Instant T0 = Instant.parse("2026-01-10T08:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    private final TopologySerdes serdes = TopologySerdes.withClient(new InMemorySchemaRegistry());
    private final NearDuplicateParams params =
            new NearDuplicateParams(true, 5, 2, 2, 0.5, RETENTION, Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void aCandidateThatArrivesBeforeTheSketchItAsksForWaitsForIt() {
        MockProcessorContext<String, NearDupPartner> context = context();
        addSketchStores(context);
        NearDuplicateSketches.Attach attach = new NearDuplicateSketches.Attach("sketches", "waiting", RETENTION);
        NearDuplicateSketches.Store store = new NearDuplicateSketches.Store("sketches", "waiting");
        attach.init(context);
        store.init(context);
        long time = T0.toEpochMilli();
        context.setCurrentStreamTimeMs(time);

        attach.process(new Record<>("y", new NearDupCandidate("x", "y", 3, time, true), time));
        assertThat(context.forwarded()).isEmpty();

        NearDupSketch sketch = sketch("y", STORY, T0, T0);
        store.process(new Record<>("y", sketch, time));
        assertThat(context.forwarded()).hasSize(1);
        Record<? extends String, ? extends NearDupPartner> partner =
                context.forwarded().get(0).record();
        assertThat(partner.key()).isEqualTo("x");
        assertThat(partner.value().getPartner()).isEqualTo(sketch);
        assertThat(partner.value().getCounted()).isTrue();

        context.resetForwards(); // a second candidate now finds the sketch at once
        attach.process(new Record<>("y", new NearDupCandidate("z", "y", 4, time, false), time));
        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("z");
            assertThat(forward.record().value().getPartner()).isEqualTo(sketch);
        });
    }

    @Test
    void aCandidateForAPartnerOlderThanTheRetentionIsAnsweredWithoutASketch() {
        MockProcessorContext<String, NearDupPartner> context = context();
        addSketchStores(context);
        NearDuplicateSketches.Attach attach = new NearDuplicateSketches.Attach("sketches", "waiting", RETENTION);
        attach.init(context);
        long now = T0.toEpochMilli();
        context.setCurrentStreamTimeMs(now);
        long old = now - RETENTION.toMillis() - 1;

        attach.process(new Record<>("y", new NearDupCandidate("x", "y", 0, old, true), now));

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().value().getPartner()).isNull();
            assertThat(forward.record().value().getCounted()).isTrue();
        });
    }

    @Test
    void partnersAndBandResultsBeforeTheArticleAreCountedAndComparedWhenItArrives() {
        MockProcessorContext<String, DedupOutcome> context = context();
        addPendingStore(context);
        NearDuplicateVerdicts verdicts = new NearDuplicateVerdicts("pending", params);
        verdicts.init(context);
        context.setCurrentSystemTimeMs(T0.plusSeconds(100).toEpochMilli());
        long time = T0.toEpochMilli();

        // The original "orig" was ingested earlier; "copy" arrives at the same moment.
        verdicts.process(record("copy", new NearDupBandResult("copy", 0, 1), time));
        verdicts.process(record(
                "copy",
                new NearDupPartner("copy", "orig", true, sketch("orig", STORY, T0, T0.plusSeconds(100))),
                time));
        verdicts.process(record("copy", new NearDupBandResult("copy", 1, 0), time));
        assertThat(context.forwarded()).isEmpty();

        verdicts.process(record("copy", article("copy", UPDATED_STORY, T0.plusSeconds(30), T0.plusSeconds(100)), time));

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            DedupOutcome outcome = forward.record().value();
            assertThat(outcome.isDuplicate()).isTrue();
            assertThat(outcome.duplicate().getKind()).isEqualTo(DuplicateKind.NEAR);
            assertThat(outcome.duplicate().getOriginalId()).isEqualTo("orig");
            assertThat(outcome.duplicate().getSimilarity()).isBetween(0.5, 1.0);
        });
    }

    @Test
    void anOriginalIsHeldForTwiceTheGraceAndACourtesyPartnerInThatTimeMakesItTheDuplicate() {
        MockProcessorContext<String, DedupOutcome> context = context();
        addPendingStore(context);
        NearDuplicateVerdicts verdicts = new NearDuplicateVerdicts("pending", params);
        verdicts.init(context);
        long now = T0.plusSeconds(100).toEpochMilli();
        context.setCurrentSystemTimeMs(now);
        long time = T0.toEpochMilli();

        for (String id : List.of("late", "alone")) {
            verdicts.process(record(id, new NearDupBandResult(id, 0, 0), time));
            verdicts.process(record(id, new NearDupBandResult(id, 1, 0), time));
            verdicts.process(
                    record(id, article(id, UPDATED_STORY, T0.plusSeconds(30), Instant.ofEpochMilli(now)), time));
        }
        assertThat(context.forwarded()).isEmpty(); // both complete, both held

        // Within the hold: a courtesy partner that precedes "late" by ingest time and was seen at the same moment.
        context.setCurrentSystemTimeMs(now + 500);
        verdicts.process(record(
                "late",
                new NearDupPartner("late", "early", false, sketch("early", STORY, T0, Instant.ofEpochMilli(now + 400))),
                time));
        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("late");
            assertThat(forward.record().value().isDuplicate()).isTrue();
        });

        context.resetForwards();
        punctuate(context, now + 1_900);
        assertThat(context.forwarded()).isEmpty();
        punctuate(context, now + 2_000);
        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("alone");
            assertThat(forward.record().value().isDuplicate()).isFalse();
            assertThat(forward.record().timestamp()).isEqualTo(time);
        });
    }

    @Test
    void stateAboutAnArticleThatNeverArrivesIsDroppedAfterTheMaxWait() {
        MockProcessorContext<String, DedupOutcome> context = context();
        addPendingStore(context);
        NearDuplicateVerdicts verdicts = new NearDuplicateVerdicts("pending", params);
        verdicts.init(context);
        long now = T0.toEpochMilli();
        context.setCurrentSystemTimeMs(now);
        verdicts.process(record(
                "released-long-ago",
                new NearDupPartner("released-long-ago", "y", false, sketch("y", STORY, T0, T0)),
                now));
        assertThat(context.<org.apache.kafka.streams.state.KeyValueStore<String, NearDupPending>>getStateStore(
                                "pending")
                        .approximateNumEntries())
                .isEqualTo(1);

        punctuate(context, now + params.maxWait().toMillis());

        assertThat(context.forwarded()).isEmpty();
        assertThat(context.<org.apache.kafka.streams.state.KeyValueStore<String, NearDupPending>>getStateStore(
                                "pending")
                        .approximateNumEntries())
                .isZero();
    }

    // --- helpers ---

    private static <K, V> MockProcessorContext<K, V> context() {
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "near-duplicate-stages-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new MockProcessorContext<>(properties);
    }

    private void addSketchStores(MockProcessorContext<?, ?> context) {
        add(
                context,
                Stores.windowStoreBuilder(
                                Stores.inMemoryWindowStore("sketches", RETENTION, Duration.ofMillis(1), false),
                                Serdes.String(),
                                serdes.valueSerde(NearDupSketch.class))
                        .withLoggingDisabled()
                        .build());
        add(
                context,
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("waiting"),
                                Serdes.String(),
                                serdes.valueSerde(NearDupCandidate.class))
                        .withLoggingDisabled()
                        .build());
    }

    private void addPendingStore(MockProcessorContext<?, ?> context) {
        add(
                context,
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("pending"),
                                Serdes.String(),
                                serdes.valueSerde(NearDupPending.class))
                        .withLoggingDisabled()
                        .build());
    }

    private static void add(MockProcessorContext<?, ?> context, StateStore store) {
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private static void punctuate(MockProcessorContext<?, ?> context, long wallClock) {
        context.setCurrentSystemTimeMs(wallClock);
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(wallClock));
    }

    private static Record<String, Object> record(String key, Object value, long time) {
        return new Record<>(key, value, time);
    }

    private static NearDupSketch sketch(String id, List<String> body, Instant ingested, Instant seen) {
        return NearDupSketch.newBuilder()
                .setArticleId(id)
                .setIngestedAt(ingested)
                .setSeenAt(seen)
                .setShingles(ByteBuffer.wrap(Shingles.toBytes(Shingles.of(body, 5))))
                .build();
    }

    private static NearDupArticle article(String id, List<String> body, Instant ingested, Instant seen) {
        ParsedArticle article = ParsedArticle.newBuilder()
                .setArticleId(id)
                .setFingerprint("fp-" + id)
                .setTitle("Title of " + id)
                .setDek(null)
                .setBylines(List.of())
                .setPublishedAt(ingested)
                .setDateSource(DateSource.INGESTED)
                .setBodyParagraphs(body)
                .setSource(ArticleSource.newBuilder()
                        .setSourceUri("file:///articles/" + id + ".txt")
                        .setFileName(id + ".txt")
                        .setMediaType("text/plain")
                        .setCharset("UTF-8")
                        .setSizeBytes(100)
                        .setFileModifiedAt(null)
                        .setIngestedAt(ingested)
                        .setProducerHost("test-host")
                        .build())
                .build();
        return new NearDupArticle(article, seen);
    }
}
