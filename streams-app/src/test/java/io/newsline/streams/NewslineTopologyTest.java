package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.enrich.ArticleTopic;
import io.newsline.article.enrich.ArticleTopicKind;
import io.newsline.article.enrich.Enrichment;
import io.newsline.avro.DateSource;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.articles.EnrichStep;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.NewslineTopics;
import io.newsline.streams.topics.TopologySerdes;
import io.newsline.streams.web.HttpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole topology in a TopologyTestDriver, one behaviour per test. */
class NewslineTopologyTest {
    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Instant INGESTED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Duration SNAPSHOT_INTERVAL = Duration.ofSeconds(1);
    private static final String REPEATS = "test-repeats-by-original";

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private TopologyTestDriver driver;

    @org.junit.jupiter.api.io.TempDir
    Path stateDir;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void topologyRefusesNoGeneratedNamesAndNamesEveryInternalTopic() {
        String description = fullTopology(Map.of()).describe().toString();
        assertThat(description)
                .contains("duplicates-by-original-repartition", "timeline-also-reported-by-repartition")
                .doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void theApiStoresExistOnlyWithTheHttpApi() {
        assertThat(fullTopology(Map.of()).describe().toString())
                .contains("article-views", "article-duplicates", "topic-directory");
        assertThat(fullTopology(Map.of(HttpSettings.ENABLED, "false"))
                        .describe()
                        .toString())
                .doesNotContain("article-views", "article-duplicates", "topic-directory");
    }

    @Test
    void seedArticleIsParsedAndEnriched() throws IOException {
        startFullTopology(Map.of());
        rawInput().pipeInput(seed("000_79d721cb69906ae1.txt", null));

        EnrichedArticle article = enrichedOutput().readValue();
        assertThat(article.getTitle()).startsWith("Netanyahu Insists Hostage Talks With Hamas");
        assertThat(article.getBylines()).containsExactly("Benjamin Calderwood");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));
        assertThat(article.getDateSource()).isEqualTo(DateSource.TEXT);
        assertThat(article.getBodyParagraphs())
                .contains("Netanyahu Sets the Tone: Talks and Tanks Move Forward Together")
                .noneMatch(paragraph -> paragraph.contains("Recent-posts") || paragraph.contains("Winnie Harlow"));
        assertThat(article.getTopics()).extracting(t -> t.getId()).contains("benjamin-netanyahu", "israel");
    }

    @Test
    void theTopologyUsesTheEnricherItIsGiven() throws IOException {
        EnrichStep fixed = new EnrichStep(text -> new Enrichment(
                "xx",
                7,
                List.of(),
                List.of(),
                List.of(new ArticleTopic("given-topic", "Given topic", ArticleTopicKind.SUBJECT, 1.0)),
                "A fixed summary."));
        driver = new TopologyTestDriver(
                NewslineTopology.build(
                        config(Map.of()),
                        NewslineTopics.from(TopologySerdes.withClient(registry)),
                        new ParseStep(),
                        fixed),
                driverProperties(Map.of()));
        rawInput().pipeInput(seed("000_79d721cb69906ae1.txt", null));

        EnrichedArticle article = enrichedOutput().readValue();
        assertThat(article.getLanguage()).isEqualTo("xx");
        assertThat(article.getSummary()).isEqualTo("A fixed summary.");
        // The given topic is the article's only topic; the story stage also files it on its story.
        assertThat(entriesOutput().readKeyValuesToMap().keySet())
                .filteredOn(key -> !key.startsWith("story-"))
                .containsExactly("given-topic|" + article.getArticleId());
    }

    @Test
    void undatedArticleTakesTheFileModifiedTimeAndSaysSo() throws IOException {
        startFullTopology(Map.of());
        Instant modified = Instant.parse("2025-09-03T12:00:00Z");
        rawInput().pipeInput(seed("002_d01d4803278ec472.txt", modified));

        EnrichedArticle article = enrichedOutput().readValue();
        assertThat(article.getPublishedAt()).isEqualTo(modified);
        assertThat(article.getDateSource()).isEqualTo(DateSource.FILE_MODIFIED);
        assertThat(article.getBylines()).containsExactly("Ethan Brown Pheels");
    }

    @Test
    void resentFileIsAnExactDuplicateAndGoesNoFurther() throws IOException {
        startFullTopology(Map.of());
        RawArticle seed = seed("000_79d721cb69906ae1.txt", null);
        rawInput().pipeInput(seed.getArticleId(), seed);
        rawInput().pipeInput(seed.getArticleId(), seed);

        assertThat(enrichedOutput().readValuesToList()).hasSize(1);
        DuplicateNotice notice = duplicatesOutput().readValue();
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(notice.getDuplicateId()).isEqualTo(seed.getArticleId());
        assertThat(notice.getOriginalId()).isEqualTo(seed.getArticleId());
        assertThat(notice.getSimilarity()).isEqualTo(1.0);
    }

    @Test
    void copyUnderAnotherNameWithOtherHeadlineSpacingIsAnExactDuplicate() throws IOException {
        startFullTopology(Map.of());
        RawArticle original = seed("000_79d721cb69906ae1.txt", null);
        String respaced = original.getRawText().replaceFirst("Netanyahu Insists", "Netanyahu   Insists");
        RawArticle copy = raw("copy-of-000.txt", respaced, null);
        rawInput().pipeInput(original.getArticleId(), original);
        rawInput().pipeInput(copy.getArticleId(), copy);

        assertThat(enrichedOutput().readValuesToList()).hasSize(1);
        TestRecord<String, DuplicateNotice> notice = duplicatesOutput().readRecord();
        assertThat(notice.key()).isEqualTo(copy.getArticleId());
        assertThat(notice.value().getOriginalId()).isEqualTo(original.getArticleId());
        assertThat(copy.getArticleId()).isNotEqualTo(original.getArticleId());
    }

    @Test
    void byteIdenticalFileFromAnotherSourceIsAnExactNoticeNamingItAndTheOriginalListsIt() throws IOException {
        startFullTopology(Map.of());
        RawArticle original = seed("000_79d721cb69906ae1.txt", null);
        RawArticle copy = RawArticle.newBuilder(original)
                .setSourceUri("https://mirror.example/news/netanyahu.txt")
                .build();
        rawInput().pipeInput(original.getArticleId(), original);
        rawInput().pipeInput(copy.getArticleId(), copy);

        DuplicateNotice notice = duplicatesOutput().readValue();
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.EXACT);
        assertThat(notice.getDuplicateSource()).isEqualTo("https://mirror.example/news/netanyahu.txt");
        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries.get("benjamin-netanyahu|" + original.getArticleId()).getAlsoReportedBy())
                .containsExactly("https://mirror.example/news/netanyahu.txt");
    }

    @Test
    void resentFileFromItsOwnSourceIsNotAnotherReport() throws IOException {
        startFullTopology(Map.of());
        RawArticle seed = seed("000_79d721cb69906ae1.txt", null);
        rawInput().pipeInput(seed.getArticleId(), seed);
        rawInput().pipeInput(seed.getArticleId(), seed);

        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries.get("benjamin-netanyahu|" + seed.getArticleId()).getAlsoReportedBy())
                .isEmpty();
    }

    @Test
    void archivesFrom1987And2009LandOnTheirTimelinesByDefault() {
        startFullTopology(Map.of());
        rawInput().pipeInput(raw("today.txt", archiveText("November 3, 2025", "vote"), null));
        rawInput().pipeInput(raw("wire-1987.txt", archiveText("March 3, 1987", "strike"), null));
        rawInput().pipeInput(raw("folder-2009.txt", archiveText("May 12, 2009", "summit"), null));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        Map<String, TopicTimeline> timelines = timelinesOutput().readKeyValuesToMap();
        TopicTimeline britain = timelines.get("united-kingdom");
        assertThat(britain.getEntries())
                .extracting(entry ->
                        entry.getPublishedAt().atZone(java.time.ZoneOffset.UTC).getYear())
                .containsExactly(1987, 2009, 2025);
        assertThat(britain.getTotalEntries()).isEqualTo(3);
    }

    @Test
    void withARetentionEveryEntryRefusedForAgeIsCounted() {
        startTimelineTopology(Map.of(
                StreamsAppConfig.TIMELINE_RETENTION_MS,
                Long.toString(Duration.ofDays(30).toMillis())));
        pipeEnriched(enriched("new", "2025-07-01T00:00:00Z", "gaza"), Instant.parse("2025-07-01T00:00:00Z"));
        pipeEnriched(enriched("old", "2025-01-01T00:00:00Z", "gaza"), Instant.parse("2025-07-02T00:00:00Z"));

        assertThat(entriesOutput().readKeyValuesToMap()).containsOnlyKeys("gaza|new");
        assertThat(metric("timeline-entries-dropped-for-age-total")).isEqualTo(1.0);
    }

    @Test
    void articleWithoutBodyGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneStillFlows() throws IOException {
        startFullTopology(Map.of());
        RawArticle headlineOnly = raw("headline-only.txt", "Just A Headline\n\n", null);
        rawInput().pipeInput(headlineOnly.getArticleId(), headlineOnly);
        rawInput().pipeInput(seed("002_d01d4803278ec472.txt", null));

        TestRecord<byte[], byte[]> dead = deadLetters().readRecord();
        assertThat(headerText(dead, "__streams.errors.exception")).contains("UnparseableArticleException");
        assertThat(headerText(dead, "__streams.errors.message")).contains("no body");
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo(headlineOnly.getArticleId());
        assertThat(enrichedOutput().readValuesToList()).hasSize(1);
    }

    @Test
    void recordThatIsNotAvroIsSkippedAndTheNextOneStillFlows() throws IOException {
        // TopologyTestDriver does not produce dead letters for deserialization failures; the real-broker
        // StreamsAppIT checks that such a record reaches news.articles.dlq.
        startFullTopology(Map.of());
        TestInputTopic<String, byte[]> bytesInput =
                driver.createInputTopic(Topics.RAW_ARTICLES, new StringSerializer(), new ByteArraySerializer());
        bytesInput.pipeInput("garbage", "not avro at all".getBytes(StandardCharsets.UTF_8));
        rawInput().pipeInput(seed("002_d01d4803278ec472.txt", null));

        assertThat(enrichedOutput().readValuesToList()).hasSize(1);
    }

    @Test
    void bothSeedsLandOnTheNetanyahuTimelineInDateOrder() throws IOException {
        startFullTopology(Map.of());
        rawInput().pipeInput(seed("002_d01d4803278ec472.txt", Instant.parse("2025-09-03T12:00:00Z")));
        rawInput().pipeInput(seed("000_79d721cb69906ae1.txt", null));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        Map<String, TopicTimeline> timelines = timelinesOutput().readKeyValuesToMap();
        for (String topic : List.of("benjamin-netanyahu", "israel")) {
            TopicTimeline timeline = timelines.get(topic);
            assertThat(timeline.getEntries())
                    .extracting(TimelineEntry::getByline)
                    .containsExactly("Benjamin Calderwood", "Ethan Brown Pheels");
            assertThat(timeline.getTotalEntries()).isEqualTo(2);
            assertThat(timeline.getFirstPublishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));
            assertThat(timeline.getLastPublishedAt()).isEqualTo(Instant.parse("2025-09-03T12:00:00Z"));
        }
    }

    @Test
    void timelineEntriesAreKeyedByTopicAndArticle() throws IOException {
        startFullTopology(Map.of());
        RawArticle seed = seed("000_79d721cb69906ae1.txt", null);
        rawInput().pipeInput(seed);

        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries).containsKey("benjamin-netanyahu|" + seed.getArticleId());
        assertThat(entries.values()).allMatch(entry -> entry.getArticleId().equals(seed.getArticleId()));
    }

    // --- the timeline half alone, fed enriched articles directly (as createTimelineStreams is reused) ---

    @Test
    void lateArticleLandsInItsPlace() {
        startTimelineTopology(Map.of());
        pipeEnriched(enriched("b", "2025-06-01T00:00:00Z", "gaza"));
        pipeEnriched(enriched("c", "2025-07-01T00:00:00Z", "gaza"));
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza"));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        assertThat(timelinesOutput().readKeyValuesToMap().get("gaza").getEntries())
                .extracting(TimelineEntry::getArticleId)
                .containsExactly("a", "b", "c");
    }

    @Test
    void sameArticleAgainUpdatesItsEntryInsteadOfAddingOne() {
        startTimelineTopology(Map.of());
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza"));
        pipeEnriched(enriched("b", "2025-06-01T00:00:00Z", "gaza"));
        EnrichedArticle corrected = enriched("a", "2025-08-01T00:00:00Z", "gaza");
        corrected.setTitle("Corrected title");
        pipeEnriched(corrected);
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        TopicTimeline gaza = timelinesOutput().readKeyValuesToMap().get("gaza");
        assertThat(gaza.getTotalEntries()).isEqualTo(2);
        assertThat(gaza.getEntries()).extracting(TimelineEntry::getArticleId).containsExactly("b", "a");
        assertThat(gaza.getEntries().get(1).getTitle()).isEqualTo("Corrected title");
    }

    @Test
    void articleThatLosesATopicIsRemovedFromThatTimeline() {
        startTimelineTopology(Map.of());
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza", "qatar"));
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza"));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries).containsKey("gaza|a").containsEntry("qatar|a", null);
        Map<String, TopicTimeline> timelines = timelinesOutput().readKeyValuesToMap();
        assertThat(timelines).containsEntry("qatar", null);
        assertThat(timelines.get("gaza").getTotalEntries()).isEqualTo(1);
    }

    @Test
    void snapshotHoldsOnlyTheNewestEntriesButCountsAll() {
        startTimelineTopology(Map.of(StreamsAppConfig.SNAPSHOT_ENTRIES, "3"));
        for (int day = 1; day <= 5; day++) {
            pipeEnriched(enriched("article-" + day, "2025-05-0" + day + "T00:00:00Z", "gaza"));
        }
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        TopicTimeline gaza = timelinesOutput().readKeyValuesToMap().get("gaza");
        assertThat(gaza.getEntries())
                .extracting(TimelineEntry::getArticleId)
                .containsExactly("article-3", "article-4", "article-5");
        assertThat(gaza.getTotalEntries()).isEqualTo(5);
        assertThat(gaza.getFirstPublishedAt()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void aBurstOnOneTopicYieldsOneSnapshotPerInterval() {
        startTimelineTopology(Map.of());
        for (int i = 0; i < 20; i++) {
            pipeEnriched(enriched("article-" + i, "2025-05-01T00:00:00Z", "gaza"));
        }
        assertThat(timelinesOutput().isEmpty()).isTrue();
        assertThat(entriesOutput().getQueueSize()).isEqualTo(20);

        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);
        List<TopicTimeline> snapshots = timelinesOutput().readValuesToList();
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).getTotalEntries()).isEqualTo(20);

        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);
        assertThat(timelinesOutput().isEmpty()).isTrue();
    }

    @Test
    void entriesOlderThanTheRetentionExpire() {
        startTimelineTopology(Map.of(
                StreamsAppConfig.TIMELINE_RETENTION_MS,
                        Long.toString(Duration.ofDays(30).toMillis()),
                StreamsAppConfig.EXPIRY_INTERVAL_MS,
                        Long.toString(Duration.ofHours(1).toMillis())));
        pipeEnriched(enriched("old", "2025-05-01T00:00:00Z", "gaza"), Instant.parse("2025-05-01T00:00:00Z"));
        pipeEnriched(enriched("new", "2025-07-01T00:00:00Z", "gaza"), Instant.parse("2025-07-01T00:00:00Z"));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        Map<String, TimelineEntry> entries = entriesOutput().readKeyValuesToMap();
        assertThat(entries).containsEntry("gaza|old", null).containsKey("gaza|new");
        TopicTimeline gaza = timelinesOutput().readKeyValuesToMap().get("gaza");
        assertThat(gaza.getEntries()).extracting(TimelineEntry::getArticleId).containsExactly("new");
        assertThat(gaza.getTotalEntries()).isEqualTo(1);
    }

    @Test
    void retractedArticleLeavesEveryTimelineAndIsForgotten() {
        startTimelineTopology(Map.of());
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza", "qatar"));
        pipeEnriched(enriched("b", "2025-06-01T00:00:00Z", "gaza"));
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);
        timelinesOutput().readRecordsToList();
        entriesOutput().readRecordsToList();

        retract("a");
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        assertThat(entriesOutput().readKeyValuesToMap())
                .containsOnlyKeys("gaza|a", "qatar|a")
                .containsEntry("gaza|a", null)
                .containsEntry("qatar|a", null);
        Map<String, TopicTimeline> timelines = timelinesOutput().readKeyValuesToMap();
        assertThat(timelines).containsEntry("qatar", null);
        assertThat(timelines.get("gaza").getEntries())
                .extracting(TimelineEntry::getArticleId)
                .containsExactly("b");
        assertThat(timelines.get("gaza").getTotalEntries()).isEqualTo(1);

        // Forgotten: filed again under one topic, nothing is removed from a timeline it left when retracted.
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza"));
        assertThat(entriesOutput().readRecordsToList())
                .extracting(TestRecord::key)
                .containsExactly("gaza|a");
        retract("never-filed");
        assertThat(entriesOutput().isEmpty()).isTrue();
    }

    @Test
    void aRepeatNoticedBeforeItsOriginalIsListedWhenTheOriginalIsFiled() {
        startTimelineTopologyWithRepeats(Map.of());
        pipeRepeat("a", "https://mirror.example/a.txt");
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza", "qatar"));

        List<TestRecord<String, TimelineEntry>> entries = entriesOutput().readRecordsToList();
        assertThat(entries).extracting(TestRecord::key).containsExactly("gaza|a", "qatar|a");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.value().getAlsoReportedBy())
                .containsExactly("https://mirror.example/a.txt"));
    }

    @Test
    void aRepeatNoticedAfterItsOriginalRepublishesTheWholeEntriesWithTheList() {
        startTimelineTopologyWithRepeats(Map.of());
        EnrichedArticle article = enriched("a", "2025-05-01T00:00:00Z", "gaza", "qatar");
        pipeEnriched(article);
        pipeRepeat("a", "https://mirror.example/a.txt");
        pipeRepeat("a", "https://mirror.example/a.txt");
        pipeRepeat("a", article.getSource().getSourceUri());
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        List<TestRecord<String, TimelineEntry>> entries = entriesOutput().readRecordsToList();
        // Filed, then each entry once more with the new list; nothing for the repeated notice or the own source,
        // and no partial entry (every record is a whole entry).
        assertThat(entries).extracting(TestRecord::key).containsExactly("gaza|a", "qatar|a", "gaza|a", "qatar|a");
        assertThat(entries)
                .allSatisfy(entry -> assertThat(entry.value().getTitle()).isEqualTo("Title of a"));
        assertThat(entries.subList(2, 4))
                .allSatisfy(entry ->
                        assertThat(entry.value().getAlsoReportedBy()).containsExactly("https://mirror.example/a.txt"));
        assertThat(timelinesOutput().readKeyValuesToMap().get("gaza").getEntries())
                .singleElement()
                .satisfies(
                        entry -> assertThat(entry.getAlsoReportedBy()).containsExactly("https://mirror.example/a.txt"));
    }

    @Test
    void aRepeatOfARetractedArticleRepublishesNothing() {
        startTimelineTopologyWithRepeats(Map.of());
        pipeEnriched(enriched("a", "2025-05-01T00:00:00Z", "gaza"));
        retract("a");
        entriesOutput().readRecordsToList();

        pipeRepeat("a", "https://mirror.example/a.txt");

        assertThat(entriesOutput().isEmpty()).isTrue();
    }

    @Test
    void aTimelineShowsTheLabelOfTheEntryFiledLastNotOfOneRepublishedForItsSources() {
        startTimelineTopologyWithRepeats(Map.of());
        pipeEnriched(enriched("a", "2025-06-01T00:00:00Z", "aids"));
        EnrichedArticle organization = enriched("b", "2025-05-01T00:00:00Z", "aids");
        organization.getTopics().get(0).setLabel("AIDS");
        organization.getTopics().get(0).setKind(io.newsline.avro.TopicKind.ORGANIZATION);
        pipeEnriched(organization);
        pipeRepeat("a", "https://mirror.example/a.txt");
        driver.advanceWallClockTime(SNAPSHOT_INTERVAL);

        TopicTimeline aids = timelinesOutput().readKeyValuesToMap().get("aids");
        assertThat(aids.getLabel()).isEqualTo("AIDS");
        assertThat(aids.getKind()).isEqualTo(io.newsline.avro.TopicKind.ORGANIZATION);
        assertThat(aids.getEntries()).extracting(TimelineEntry::getTopicLabel).containsExactly("AIDS", "aids");
    }

    // --- helpers ---

    private double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(name))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .sum();
    }

    /**
     * A dated article about Britain, with the date line as newspapers print it; each subject has a paragraph of its
     * own, so that articles on different subjects are different reports, not near duplicates of one template.
     */
    private static String archiveText(String dateLine, String subject) {
        String own =
                switch (subject) {
                    case "vote" ->
                        "Polling stations opened early and queues formed before dawn as voters waited"
                                + " patiently in the rain for their turn.";
                    case "strike" ->
                        "Dock workers walked out at noon, halting cargo ships and leaving containers"
                                + " stacked high along the quay for days.";
                    case "summit" ->
                        "Leaders arrived by motorcade, and talks on trade and security ran late into"
                                + " the evening at the old palace.";
                    default -> "Reporters followed every development closely through the day.";
                };
        return "Britain Faces A " + subject + " In London\n\n" + dateLine + "\n\n"
                + "The " + subject + " in London drew crowds on Monday, officials in Britain said. The government of"
                + " the United Kingdom said the " + subject + " would go on.\n\n"
                + own + "\n\n"
                + "Ministers in London met to discuss the " + subject + " and its effects on Britain and its people.\n";
    }

    private Topology fullTopology(Map<String, String> overrides) {
        return NewslineTopology.build(config(overrides), TopologySerdes.withClient(registry));
    }

    private void startFullTopology(Map<String, String> overrides) {
        driver = new TopologyTestDriver(fullTopology(overrides), driverProperties(overrides));
    }

    private void startTimelineTopology(Map<String, String> overrides) {
        StreamsAppConfig config = config(overrides);
        TopologySerdes serdes = TopologySerdes.withClient(registry);
        StreamsBuilder builder = new StreamsBuilder();
        NewslineTopics topics = NewslineTopics.from(serdes);
        timelineStage(config, topics)
                .build(
                        builder,
                        builder.stream(
                                Topics.ENRICHED_ARTICLES,
                                topics.enrichedArticles().consumed("read-enriched-articles")));
        driver = new TopologyTestDriver(builder.build(driverProperties(overrides)), driverProperties(overrides));
    }

    /** The timeline half alone, fed enriched articles and duplicate notices keyed by original id. */
    private void startTimelineTopologyWithRepeats(Map<String, String> overrides) {
        StreamsAppConfig config = config(overrides);
        TopologySerdes serdes = TopologySerdes.withClient(registry);
        StreamsBuilder builder = new StreamsBuilder();
        NewslineTopics topics = NewslineTopics.from(serdes);
        timelineStage(config, topics)
                .build(
                        builder,
                        builder.stream(
                                Topics.ENRICHED_ARTICLES,
                                topics.enrichedArticles().consumed("read-enriched-articles")),
                        builder.stream(REPEATS, topics.duplicates().consumed("read-repeats")));
        driver = new TopologyTestDriver(builder.build(driverProperties(overrides)), driverProperties(overrides));
    }

    private static TimelineStage timelineStage(StreamsAppConfig config, NewslineTopics topics) {
        return new TimelineStage(topics.timelineEntries(), topics.timelines(), config.timelineSettings());
    }

    private void pipeRepeat(String originalId, String duplicateSource) {
        DuplicateNotice notice = DuplicateNotice.newBuilder()
                .setDuplicateId("copy-of-" + originalId)
                .setOriginalId(originalId)
                .setKind(DuplicateKind.NEAR)
                .setSimilarity(0.9)
                .setSeenAt(INGESTED)
                .setDuplicateSource(duplicateSource)
                .setTitle(null)
                .build();
        driver.createInputTopic(REPEATS, new StringSerializer(), new SpecificAvroSerializer<DuplicateNotice>(registry))
                .pipeInput(originalId, notice, INGESTED);
    }

    /** A null enriched value: the article turned out to repeat an earlier one. */
    private void retract(String articleId) {
        driver.createInputTopic(
                        Topics.ENRICHED_ARTICLES,
                        new StringSerializer(),
                        new SpecificAvroSerializer<EnrichedArticle>(registry))
                .pipeInput(articleId, null, INGESTED);
    }

    private static StreamsAppConfig config(Map<String, String> overrides) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092",
                StreamsAppConfig.SNAPSHOT_INTERVAL_MS,
                Long.toString(SNAPSHOT_INTERVAL.toMillis())));
        settings.putAll(overrides);
        return StreamsAppConfig.of(settings);
    }

    private Properties driverProperties(Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.putAll(config(overrides).clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-topology-test");
        // A state directory of its own: test runs in other checkouts of the repository use the same application id.
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }

    private TestInputTopic<String, RawArticle> rawInput() {
        return driver.createInputTopic(
                Topics.RAW_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
    }

    private void pipeEnriched(EnrichedArticle article) {
        pipeEnriched(article, article.getSource().getIngestedAt());
    }

    private void pipeEnriched(EnrichedArticle article, Instant timestamp) {
        driver.createInputTopic(
                        Topics.ENRICHED_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry))
                .pipeInput(article.getArticleId(), article, timestamp);
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

    private TestOutputTopic<byte[], byte[]> deadLetters() {
        return driver.createOutputTopic(
                Topics.DEAD_LETTERS,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    }

    private <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(
            String topic, Class<T> type) {
        return driver.createOutputTopic(
                topic, new StringDeserializer(), new SpecificAvroDeserializer<>(type, registry));
    }

    private static String headerText(TestRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static RawArticle seed(String name, Instant modified) throws IOException {
        return raw(name, Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8), modified);
    }

    static RawArticle raw(String name, String text, Instant modified) {
        return TestArticles.raw(name, text, modified, INGESTED);
    }

    private static EnrichedArticle enriched(String id, String publishedAt, String... topicIds) {
        Instant published = Instant.parse(publishedAt);
        return EnrichedArticle.newBuilder()
                .setArticleId(id)
                .setFingerprint("fp-" + id)
                .setTitle("Title of " + id)
                .setDek(null)
                .setBylines(List.of("A Writer"))
                .setPublishedAt(published)
                .setDateSource(DateSource.TEXT)
                .setBodyParagraphs(List.of("Body of " + id + "."))
                .setLanguage("en")
                .setWordCount(3)
                .setEntities(List.of())
                .setKeywords(List.of())
                .setTopics(java.util.Arrays.stream(topicIds)
                        .map(topic -> io.newsline.avro.Topic.newBuilder()
                                .setId(topic)
                                .setLabel(topic)
                                .setKind(io.newsline.avro.TopicKind.PLACE)
                                .setSalience(0.5)
                                .build())
                        .toList())
                .setSummary("Body of " + id + ".")
                .setSource(io.newsline.avro.ArticleSource.newBuilder()
                        .setSourceUri("file:///articles/" + id + ".txt")
                        .setFileName(id + ".txt")
                        .setMediaType("text/plain")
                        .setCharset("UTF-8")
                        .setSizeBytes(100)
                        .setFileModifiedAt(null)
                        .setIngestedAt(published)
                        .setProducerHost("test-host")
                        .build())
                .build();
    }
}
