package io.newsline.streams;

import io.newsline.avro.ArticleSource;
import io.newsline.avro.DateSource;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicKind;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.articles.EnrichStep;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.NewslineTopics;
import io.newsline.streams.topics.TopologySerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * What the timeline half of the topology writes per article: records and bytes (key + value, as serialized) on
 * every internal topic (changelogs and repartitions) and on its two output topics, records and bytes per timeline
 * entry, and the size of its RocksDB files per live entry. Deterministic: a {@link TopologyTestDriver} (one
 * partition, a commit after every input record, so record caches only merge what one record causes) fed
 * enriched articles either generated here (default: 400 articles, about 10 topics each, topics drawn from a
 * skewed pool of 300) or parsed and enriched from a folder of article files ({@code .txt}, sorted by path).
 *
 * <p>The workload besides filing each article once: every 20th article is followed by a duplicate notice for the
 * article 10 before it (from another source: "also reported by"), every 50th by the article 25 before it again
 * with its date a day later (an article processed again moves its entries); wall-clock time advances 10 ms per
 * article (100 articles/s), so with the default 1 s interval a snapshot round runs every 100 articles.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -B -q -o -pl streams-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * cd streams-app &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.newsline.streams.TimelineFootprint [article-folder] [max-articles]
 * </pre>
 */
public final class TimelineFootprint {
    private static final ParseStep PARSE = new ParseStep();
    private static final EnrichStep ENRICH = new EnrichStep();

    private static final String APP_ID = "timeline-footprint";
    private static final String REPEATS_TOPIC = "footprint-repeats-by-original";
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private TimelineFootprint() {}

    public static void main(String[] args) throws IOException {
        List<EnrichedArticle> articles = args.length > 0
                ? fromFolder(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE)
                : generated(400);
        Path stateDir = Files.createTempDirectory("timeline-footprint");
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        Map<String, String> settings = Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "unused:9092",
                StreamsConfig.APPLICATION_ID_CONFIG,
                APP_ID,
                StreamsConfig.STATE_DIR_CONFIG,
                stateDir.toString());
        StreamsAppConfig config = StreamsAppConfig.of(settings);
        TopologySerdes serdes = TopologySerdes.withClient(registry);
        StreamsBuilder builder = new StreamsBuilder();
        NewslineTopics topics = NewslineTopics.from(serdes);
        new TimelineStage(topics.timelineEntries(), topics.timelines(), config.timelineSettings())
                .build(
                        builder,
                        builder.stream(
                                Topics.ENRICHED_ARTICLES,
                                topics.enrichedArticles().consumed("read-enriched-articles")),
                        builder.stream(REPEATS_TOPIC, topics.duplicates().consumed("read-repeats")));
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        int entriesFiled = 0;
        Map<String, long[]> written;
        Map<String, long[]> disk;
        double storeWrites;
        Map<String, String> digests = new TreeMap<>();
        double cpuMicrosPerArticle;
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(properties), properties, START)) {
            TestInputTopic<String, EnrichedArticle> enriched = driver.createInputTopic(
                    Topics.ENRICHED_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
            TestInputTopic<String, DuplicateNotice> repeats = driver.createInputTopic(
                    REPEATS_TOPIC, new StringSerializer(), new SpecificAvroSerializer<>(registry));
            Instant time = START;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < articles.size(); i++) {
                EnrichedArticle article = articles.get(i);
                entriesFiled += (int) article.getTopics().stream()
                        .map(Topic::getId)
                        .distinct()
                        .count();
                enriched.pipeInput(article.getArticleId(), article, time);
                if (i % 20 == 19) {
                    EnrichedArticle original = articles.get(i - 10);
                    repeats.pipeInput(original.getArticleId(), notice(original, i), time);
                }
                if (i % 50 == 49) {
                    EnrichedArticle again = EnrichedArticle.newBuilder(articles.get(i - 25))
                            .setPublishedAt(
                                    articles.get(i - 25).getPublishedAt().plus(Duration.ofDays(1)))
                            .build();
                    enriched.pipeInput(again.getArticleId(), again, time);
                }
                time = time.plusMillis(10);
                driver.advanceWallClockTime(Duration.ofMillis(10));
            }
            driver.advanceWallClockTime(config.snapshotInterval());
            cpuMicrosPerArticle = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / articles.size();
            storeWrites = metric(driver, "timeline-store-writes-total");
            written = new TreeMap<>();
            for (String topic : driver.producedTopicNames()) {
                TestOutputTopic<byte[], byte[]> output =
                        driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                long[] totals = new long[3];
                List<TestRecord<byte[], byte[]>> records = output.readRecordsToList();
                if (!topic.startsWith(APP_ID + "-")) {
                    digests.put(topic, digests(records));
                    dump(topic, records, registry);
                }
                for (TestRecord<byte[], byte[]> record : records) {
                    totals[0]++;
                    totals[1] += (record.key() == null ? 0 : record.key().length)
                            + (record.value() == null ? 0 : record.value().length);
                    totals[2] += record.value() == null ? 1 : 0;
                }
                written.put(topic, totals);
            }
            disk = rocksDbFiles(stateDir);
        }
        long liveEntries = liveEntries(registry, articles);
        report(articles.size(), entriesFiled, liveEntries, written, disk, storeWrites);
        digests.forEach((topic, digest) -> System.out.printf("output %s: %s%n", topic, digest));
        System.out.printf(
                "CPU of the driver loop (one run, JIT warm-up and the test driver included; noisy): %.0f us per"
                        + " article%n",
                cpuMicrosPerArticle);
    }

    /**
     * Fingerprints of what consumers of an output topic see, to compare two versions of the topology: every record
     * in order, and the last value of each key (what compaction keeps). Values are hashed without their first five
     * bytes (magic byte and schema id, which depend on the order schemas were registered). Snapshots include
     * updatedAt, which is deterministic here: the driver's wall clock.
     */
    private static String digests(List<TestRecord<byte[], byte[]>> records) {
        java.security.MessageDigest all = sha256();
        Map<String, byte[]> latest = new TreeMap<>();
        for (TestRecord<byte[], byte[]> record : records) {
            byte[] value = record.value() == null
                    ? new byte[0]
                    : java.util.Arrays.copyOfRange(record.value(), 5, record.value().length);
            all.update(record.key());
            all.update(value);
            latest.put(new String(record.key(), StandardCharsets.UTF_8), value);
        }
        java.security.MessageDigest last = sha256();
        latest.forEach((key, value) -> {
            last.update(key.getBytes(StandardCharsets.UTF_8));
            last.update(value);
        });
        java.util.HexFormat hex = java.util.HexFormat.of();
        return "all records " + hex.formatHex(all.digest(), 0, 8) + ", last value per key "
                + hex.formatHex(last.digest(), 0, 8) + " (" + latest.size() + " keys)";
    }

    @SuppressWarnings("unchecked")
    /** With {@code -Dfootprint.dump=DIR}: the last value of each key of an output topic, as text, for diffing. */
    private static void dump(String topic, List<TestRecord<byte[], byte[]>> records, InMemorySchemaRegistry registry)
            throws IOException {
        String dir = System.getProperty("footprint.dump");
        if (dir == null) {
            return;
        }
        Class<? extends org.apache.avro.specific.SpecificRecord> type = topic.equals(Topics.TIMELINES)
                ? io.newsline.avro.TopicTimeline.class
                : io.newsline.avro.TimelineEntry.class;
        var deserializer = new io.newsline.serde.SpecificAvroDeserializer<org.apache.avro.specific.SpecificRecord>(
                (Class<org.apache.avro.specific.SpecificRecord>) type, registry);
        Map<String, String> latest = new TreeMap<>();
        StringBuilder all = new StringBuilder();
        for (TestRecord<byte[], byte[]> record : records) {
            Object value = deserializer.deserialize(topic, record.value());
            latest.put(new String(record.key(), StandardCharsets.UTF_8), String.valueOf(value));
            all.append(new String(record.key(), StandardCharsets.UTF_8))
                    .append('\t')
                    .append(value)
                    .append('\n');
        }
        Files.writeString(Path.of(dir, topic + "-all.txt"), all);
        StringBuilder text = new StringBuilder();
        latest.forEach(
                (key, value) -> text.append(key).append('\t').append(value).append('\n'));
        Files.writeString(Path.of(dir, topic + ".txt"), text);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(
            int articles,
            int entriesFiled,
            long liveEntries,
            Map<String, long[]> written,
            Map<String, long[]> disk,
            double storeWrites) {
        System.out.printf(
                "%d articles, %d entries filed (%.1f per article), %d live entries at the end%n",
                articles, entriesFiled, entriesFiled / (double) articles, liveEntries);
        System.out.printf(
                "%-58s %9s %9s %10s %10s %9s%n",
                "topic (key + value bytes)", "records", "tombst.", "rec/art", "B/article", "B/entry");
        long internalBytes = 0;
        long internalRecords = 0;
        for (Map.Entry<String, long[]> topic : written.entrySet()) {
            long[] t = topic.getValue();
            boolean internal = topic.getKey().startsWith(APP_ID + "-");
            if (internal) {
                internalBytes += t[1];
                internalRecords += t[0];
            }
            System.out.printf(
                    "%-58s %9d %9d %10.2f %10.0f %9.0f%n",
                    (internal ? "" : "output ") + topic.getKey().replace(APP_ID + "-", ""),
                    t[0],
                    t[2],
                    t[0] / (double) articles,
                    t[1] / (double) articles,
                    t[1] / (double) entriesFiled);
        }
        System.out.printf(
                "%-58s %9d %9s %10.2f %10.0f %9.0f%n",
                "ALL INTERNAL TOPICS",
                internalRecords,
                "",
                internalRecords / (double) articles,
                internalBytes / (double) articles,
                internalBytes / (double) entriesFiled);
        System.out.printf(
                "changelog + repartition records per entry filed: %.2f%n", internalRecords / (double) entriesFiled);
        if (!Double.isNaN(storeWrites)) {
            System.out.printf(
                    "store writes (puts + deletes, logged or not) per entry filed: %.2f%n", storeWrites / entriesFiled);
        }
        long sst = 0;
        long all = 0;
        System.out.printf("%-40s %12s %12s %12s%n", "RocksDB store", "sst bytes", "all files", "sst B/entry");
        for (Map.Entry<String, long[]> store : disk.entrySet()) {
            sst += store.getValue()[0];
            all += store.getValue()[1];
            System.out.printf(
                    "%-40s %12d %12d %12.0f%n",
                    store.getKey(),
                    store.getValue()[0],
                    store.getValue()[1],
                    store.getValue()[0] / (double) Math.max(1, liveEntries));
        }
        System.out.printf(
                "%-40s %12d %12d %12.0f%n", "ALL TIMELINE STORES", sst, all, sst / (double) Math.max(1, liveEntries));
    }

    /** Live entries at the end: each article's distinct topics (the last version of each article counts). */
    private static long liveEntries(InMemorySchemaRegistry registry, List<EnrichedArticle> articles) {
        Map<String, Long> topicsByArticle = new HashMap<>();
        for (EnrichedArticle article : articles) {
            topicsByArticle.put(
                    article.getArticleId(),
                    article.getTopics().stream().map(Topic::getId).distinct().count());
        }
        return topicsByArticle.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per store directory under the state dir: bytes in .sst files and in all files. */
    private static Map<String, long[]> rocksDbFiles(Path stateDir) throws IOException {
        Map<String, long[]> sizes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path relative = stateDir.relativize(file);
                int rocksdb = -1;
                for (int i = 0; i < relative.getNameCount(); i++) {
                    if (relative.getName(i).toString().equals("rocksdb")) {
                        rocksdb = i;
                    }
                }
                if (rocksdb < 0 || rocksdb + 1 >= relative.getNameCount()) {
                    return;
                }
                String store = relative.getName(rocksdb + 1).toString();
                long[] size = sizes.computeIfAbsent(store, s -> new long[2]);
                try {
                    long bytes = Files.size(file);
                    size[1] += bytes;
                    if (file.getFileName().toString().endsWith(".sst")) {
                        size[0] += bytes;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return sizes;
    }

    private static double metric(TopologyTestDriver driver, String name) {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals(name))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue())
                .reduce(Double::sum)
                .orElse(Double.NaN);
    }

    private static DuplicateNotice notice(EnrichedArticle original, int i) {
        return DuplicateNotice.newBuilder()
                .setDuplicateId("duplicate-" + i)
                .setOriginalId(original.getArticleId())
                .setKind(DuplicateKind.NEAR)
                .setSimilarity(0.9)
                .setSeenAt(START)
                .setDuplicateSource("https://mirror.example/news/" + i + ".txt")
                .setTitle(original.getTitle())
                .build();
    }

    /** Parsed and enriched article files of a folder (recursively, .txt, sorted by path); unparseable ones skipped. */
    private static List<EnrichedArticle> fromFolder(Path folder, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(file -> file.toString().endsWith(".txt"))
                    .sorted(Comparator.comparing(Path::toString))
                    .limit(limit)
                    .toList();
        }
        List<EnrichedArticle> articles = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            RawArticle raw = TestArticles.raw(name, Files.readString(file, StandardCharsets.ISO_8859_1), null, START);
            try {
                articles.add(ENRICH.enrich(PARSE.parse(raw)));
            } catch (RuntimeException e) {
                System.err.println("skipped " + name + ": " + e.getMessage());
            }
        }
        return articles;
    }

    /** Deterministic articles with realistic field sizes; topics from a skewed pool so some timelines grow long. */
    private static List<EnrichedArticle> generated(int count) {
        Random random = new Random(42);
        List<EnrichedArticle> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Topic> topics = new ArrayList<>();
            java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
            while (picked.size() < 10) {
                picked.add((int) Math.floor(300 * Math.pow(random.nextDouble(), 2.5)));
            }
            for (int topic : picked) {
                topics.add(Topic.newBuilder()
                        .setId("topic-" + topic)
                        .setLabel("Topic " + topic)
                        .setKind(TopicKind.values()[topic % TopicKind.values().length])
                        .setSalience(random.nextDouble())
                        .build());
            }
            String id = String.format("%064x", new java.math.BigInteger(1, ("article-" + i).getBytes()));
            id = id.substring(id.length() - 64);
            articles.add(EnrichedArticle.newBuilder()
                    .setArticleId(id)
                    .setFingerprint(id)
                    .setTitle("Headline number " + i + " about " + topics.get(0).getLabel())
                    .setDek(null)
                    .setBylines(i % 3 == 0 ? List.of() : List.of("Writer " + (i % 17)))
                    .setPublishedAt(START.minus(Duration.ofHours(random.nextInt(24 * 365))))
                    .setDateSource(DateSource.TEXT)
                    .setBodyParagraphs(List.of("Body."))
                    .setLanguage("en")
                    .setWordCount(400)
                    .setEntities(List.of())
                    .setKeywords(List.of())
                    .setTopics(topics)
                    .setSummary("Lead sentence ".repeat(18) + i + ".")
                    .setSource(ArticleSource.newBuilder()
                            .setSourceUri("file:///corpus/news/section-" + (i % 5) + "/" + i + ".txt")
                            .setFileName(i + ".txt")
                            .setMediaType("text/plain")
                            .setCharset("UTF-8")
                            .setSizeBytes(1500)
                            .setFileModifiedAt(null)
                            .setIngestedAt(START)
                            .setProducerHost("footprint")
                            .build())
                    .build());
        }
        return articles;
    }
}
