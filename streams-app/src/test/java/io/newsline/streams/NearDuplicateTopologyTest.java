package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.similarity.Jaccard;
import io.newsline.article.similarity.Shingles;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.avro.AlsoReportedPatch;
import io.newsline.streams.dedup.DedupStage;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.InternalAvroSerde;
import io.newsline.streams.topics.TopologySerdes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exact and near deduplication in the whole topology, in a TopologyTestDriver: the seeds are two stories, an
 * edited copy of seed 000 is a near duplicate of it that never reaches a timeline, and the original's entries say
 * who else reported it. No wall clock is involved: every verdict is out as soon as its evidence is, and the same
 * articles in any order end with the same verdicts.
 */
class NearDuplicateTopologyTest {
    private static final ParseStep PARSE = new ParseStep();

    private static final Instant INGESTED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(1);

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void everyDeduplicationStoreAndTopicIsNamed() {
        StreamsAppConfig config = config(Map.of());
        String description = NewslineTopology.build(config, TopologySerdes.withClient(registry))
                .describe()
                .toString();
        assertThat(description)
                .contains(
                        config.dedupSettings().exchangeTopic(),
                        DedupStage.REPEATS_REPARTITION + "-repartition",
                        DedupStage.BAND_INDEX,
                        DedupStage.FINGERPRINT_INDEX,
                        DedupStage.DECIDED,
                        DedupStage.PENDING)
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void theTwoSeedsAreNotNearDuplicatesOfEachOtherAndGoOnAtOnce() throws IOException {
        RawArticle seed000 = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle seed002 = raw("002.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_002), INGESTED);
        assertThat(similarity(seed000, seed002)).isLessThan(0.1);

        start(Map.of());
        pipe(seed000, seed002);

        assertThat(enrichedOutput().readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactlyInAnyOrder(seed000.getArticleId(), seed002.getArticleId());
        assertThat(duplicatesOutput().readValuesToList()).isEmpty();
    }

    @Test
    void anEditedCopyOfSeed000IsANearDuplicateAndNeverReachesATimeline() throws IOException {
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle copy = raw("copy-of-000.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED.plusSeconds(60));
        double similarity = similarity(original, copy);
        assertThat(similarity).isBetween(0.5, 0.99);

        start(Map.of());
        pipe(original, copy);
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        assertThat(enrichedOutput().readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly(original.getArticleId());
        DuplicateNotice notice = duplicatesOutput().readValue();
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(notice.getDuplicateId()).isEqualTo(copy.getArticleId());
        assertThat(notice.getOriginalId()).isEqualTo(original.getArticleId());
        assertThat(notice.getSimilarity()).isEqualTo(similarity);
        assertThat(notice.getDuplicateSource()).isEqualTo(copy.getSourceUri());
        assertThat(duplicatesOutput().isEmpty()).isTrue();

        List<TimelineEntry> entries = entriesOutput().readValuesToList();
        assertThat(entries).isNotEmpty().allMatch(entry -> entry.getArticleId().equals(original.getArticleId()));
        Map<String, TimelineEntry> latest = new HashMap<>();
        // Story entries (kind STORY) do not list the sources that repeated an article (docs/stories.md, limits).
        entries.stream()
                .filter(entry -> entry.getTopicKind() != io.newsline.avro.TopicKind.STORY)
                .forEach(entry -> latest.put(entry.getTopicId(), entry));
        assertThat(latest.values()).isNotEmpty().allSatisfy(entry -> assertThat(entry.getAlsoReportedBy())
                .containsExactly(copy.getSourceUri()));
        TopicTimeline netanyahu = timelinesOutput().readKeyValuesToMap().get("benjamin-netanyahu");
        assertThat(netanyahu.getTotalEntries()).isEqualTo(1);
        assertThat(netanyahu.getEntries().get(0).getAlsoReportedBy()).containsExactly(copy.getSourceUri());
    }

    @Test
    void aCopyProcessedBeforeTheOriginalItRepeatsIsRevisedWhenTheOriginalArrives() throws IOException {
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle copy = raw("copy-of-000.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED.plusSeconds(5));

        start(Map.of());
        pipe(copy); // the copy comes first (another partition was faster, or the original was re-sent later) ...
        assertThat(enrichedOutput().readValuesToList())
                .extracting(EnrichedArticle::getArticleId)
                .containsExactly(copy.getArticleId());
        pipe(original); // ... but the original was ingested earlier: the copy's verdict is revised

        Map<String, EnrichedArticle> enriched = enrichedOutput().readKeyValuesToMap();
        assertThat(enriched).containsKeys(original.getArticleId(), copy.getArticleId());
        assertThat(enriched.get(copy.getArticleId()))
                .as("the copy is retracted")
                .isNull();
        assertThat(enriched.get(original.getArticleId())).isNotNull();
        List<DuplicateNotice> notices = duplicatesOutput().readValuesToList();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).getDuplicateId()).isEqualTo(copy.getArticleId());
        assertThat(notices.get(0).getOriginalId()).isEqualTo(original.getArticleId());
        assertThat(notices.get(0).getKind()).isEqualTo(DuplicateKind.NEAR);
    }

    @Test
    void theSameArticlesInAnyOrderEndWithTheSameVerdicts() throws IOException {
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle near = raw("copy-of-000.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED.plusSeconds(5));
        RawArticle exact = raw(
                "elsewhere/000.txt",
                original.getRawText().replaceFirst("Netanyahu Insists", "Netanyahu   Insists"),
                INGESTED.plusSeconds(9));
        RawArticle other = raw("002.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_002), INGESTED);
        List<RawArticle> articles = List.of(original, near, exact, other);
        Map<String, String> expected = Map.of(
                original.getArticleId(),
                "original",
                near.getArticleId(),
                "NEAR of " + original.getArticleId(),
                exact.getArticleId(),
                "EXACT of " + original.getArticleId(),
                other.getArticleId(),
                "original");

        for (List<RawArticle> order : permutations(articles)) {
            start(Map.of());
            pipe(order.toArray(RawArticle[]::new));
            assertThat(finalVerdicts())
                    .as("verdicts for the order %s", names(order))
                    .isEqualTo(expected);
            driver.close();
            driver = null;
        }
    }

    @Test
    void twoNearDuplicatesIngestedAtTheSameMomentAreOrderedByIdWhicheverComesFirst() throws IOException {
        for (boolean smallerFirst : new boolean[] {true, false}) {
            RawArticle a = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
            RawArticle b = raw("copy.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED);
            RawArticle smaller = a.getArticleId().compareTo(b.getArticleId()) < 0 ? a : b;
            RawArticle larger = smaller == a ? b : a;

            start(Map.of());
            if (smallerFirst) {
                pipe(smaller, larger);
            } else {
                pipe(larger, smaller);
            }

            assertThat(finalVerdicts())
                    .containsEntry(smaller.getArticleId(), "original")
                    .containsEntry(larger.getArticleId(), "NEAR of " + smaller.getArticleId());
            driver.close();
            driver = null;
        }
    }

    @Test
    void anExactCopyUnderAnotherNameIsListedAsAlsoReportedBy() throws IOException {
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        String respaced = original.getRawText().replaceFirst("Netanyahu Insists", "Netanyahu   Insists");
        RawArticle copy = raw("elsewhere/000.txt", respaced, INGESTED.plusSeconds(1));

        start(Map.of());
        pipe(original);
        pipe(copy, original); // the copy, and the very same file again (which is no other report)

        List<DuplicateNotice> notices = duplicatesOutput().readValuesToList();
        assertThat(notices).extracting(DuplicateNotice::getKind).containsOnly(DuplicateKind.EXACT);
        assertThat(notices)
                .extracting(DuplicateNotice::getDuplicateId)
                .containsExactlyInAnyOrder(copy.getArticleId(), original.getArticleId());
        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries.get("benjamin-netanyahu|" + original.getArticleId()).getAlsoReportedBy())
                .containsExactly(copy.getSourceUri());
    }

    @Test
    void anAlsoReportedByListThatComesBeforeItsEntryIsPutOnTheEntryWhenItComes() throws IOException {
        // A copy sent before its original can stamp the notice, and so the list, before the original's entry: the
        // timeline side then reads the list first. Here the two inputs of the topic partition are piped by hand in
        // that order.
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        start(Map.of());
        pipe(original);
        TimelineEntry filed = entriesOutput().readKeyValuesToMap().get("benjamin-netanyahu|" + original.getArticleId());
        String key = "benjamin-netanyahu|later-article";
        TestInputTopic<String, AlsoReportedPatch> lists = driver.createInputTopic(
                "newsline-near-duplicate-test-" + TimelineStage.ALSO_REPORTED_REPARTITION + "-repartition",
                new StringSerializer(),
                new InternalAvroSerde<>(AlsoReportedPatch.class));
        TestInputTopic<String, TimelineEntry> entries = driver.createInputTopic(
                Topics.TIMELINE_ENTRIES, new StringSerializer(), new SpecificAvroSerializer<TimelineEntry>(registry));

        lists.pipeInput(key, new AlsoReportedPatch(List.of("file:///elsewhere/copy.txt")));
        assertThat(entriesOutput().readKeyValuesToMap()).doesNotContainKey(key); // nothing to put it on yet
        entries.pipeInput(
                key,
                TimelineEntry.newBuilder(filed)
                        .setArticleId("later-article")
                        .setAlsoReportedBy(List.of())
                        .build());

        Map<String, TimelineEntry> written = entriesOutput().readKeyValuesToMap();
        assertThat(written).containsKey(key);
        assertThat(written.get(key).getAlsoReportedBy()).containsExactly("file:///elsewhere/copy.txt");
    }

    @Test
    void withNearDuplicateDetectionOffTheEditedCopyIsAnotherArticleButAnExactCopyIsNot() throws IOException {
        RawArticle original = raw("000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle copy = raw("copy-of-000.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED.plusSeconds(60));
        RawArticle exact = raw(
                "elsewhere/000.txt",
                original.getRawText().replaceFirst("Netanyahu Insists", "Netanyahu   Insists"),
                INGESTED.plusSeconds(90));

        start(Map.of(StreamsAppConfig.NEAR_ENABLED, "false"));
        pipe(original, copy, exact);

        assertThat(enrichedOutput().readValuesToList()).hasSize(2);
        assertThat(duplicatesOutput().readValuesToList())
                .extracting(DuplicateNotice::getDuplicateId, DuplicateNotice::getKind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(exact.getArticleId(), DuplicateKind.EXACT));
    }

    /** The last word on each article: "original", or "KIND of originalId"; a retracted original counts as neither. */
    private Map<String, String> finalVerdicts() {
        Map<String, String> verdicts = new HashMap<>();
        enrichedOutput().readKeyValuesToList().forEach(kv -> {
            if (kv.value != null) {
                verdicts.put(kv.key, "original");
            } else {
                verdicts.remove(kv.key);
            }
        });
        duplicatesOutput()
                .readValuesToList()
                .forEach(notice ->
                        verdicts.put(notice.getDuplicateId(), notice.getKind() + " of " + notice.getOriginalId()));
        return verdicts;
    }

    private static List<List<RawArticle>> permutations(List<RawArticle> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<RawArticle>> all = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<RawArticle> rest = new java.util.ArrayList<>(items);
            RawArticle first = rest.remove(i);
            for (List<RawArticle> tail : permutations(rest)) {
                List<RawArticle> order = new java.util.ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static List<String> names(List<RawArticle> order) {
        return order.stream().map(RawArticle::getSourceUri).toList();
    }

    // --- helpers ---

    private void start(Map<String, String> overrides) {
        StreamsAppConfig config = config(overrides);
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-near-duplicate-test");
        // A state directory of this run's own: test runs of other checkouts on the machine must not share one.
        properties.put(StreamsConfig.STATE_DIR_CONFIG, TestStateDirs.fresh());
        driver = new TopologyTestDriver(
                NewslineTopology.build(config, TopologySerdes.withClient(registry)),
                properties,
                Instant.parse("2026-01-10T09:00:00Z"));
    }

    private static StreamsAppConfig config(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092",
                StreamsAppConfig.SNAPSHOT_INTERVAL_MS,
                Long.toString(SNAPSHOT_INTERVAL.toMillis())));
        settings.putAll(overrides);
        return StreamsAppConfig.of(settings);
    }

    private void pipe(RawArticle... articles) {
        TestInputTopic<String, RawArticle> input = driver.createInputTopic(
                Topics.RAW_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
        for (RawArticle article : articles) {
            input.pipeInput(article.getArticleId(), article, article.getIngestedAt());
        }
    }

    private static double similarity(RawArticle a, RawArticle b) {
        return Jaccard.exact(
                Shingles.of(PARSE.parse(a).getBodyParagraphs(), Shingles.DEFAULT_SIZE),
                Shingles.of(PARSE.parse(b).getBodyParagraphs(), Shingles.DEFAULT_SIZE));
    }

    private TestOutputTopic<String, EnrichedArticle> enrichedOutput() {
        return output(Topics.ENRICHED_ARTICLES, EnrichedArticle.class);
    }

    private TestOutputTopic<String, DuplicateNotice> duplicatesOutput() {
        return output(Topics.DUPLICATES, DuplicateNotice.class);
    }

    private TestOutputTopic<String, TimelineEntry> entriesOutput() {
        return output(Topics.TIMELINE_ENTRIES, TimelineEntry.class);
    }

    private TestOutputTopic<String, TopicTimeline> timelinesOutput() {
        return output(Topics.TIMELINES, TopicTimeline.class);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(
            String topic, Class<T> type) {
        return driver.createOutputTopic(
                topic, new StringDeserializer(), new SpecificAvroDeserializer<>(type, registry));
    }

    static RawArticle raw(String name, String text, Instant ingested) {
        return TestArticles.raw(name, text, null, ingested);
    }
}
