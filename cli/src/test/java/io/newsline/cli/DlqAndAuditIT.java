package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.ops.TopicReader;
import io.newsline.ops.audit.AuditResult;
import io.newsline.ops.audit.PipelineAudit;
import io.newsline.ops.audit.Violation;
import io.newsline.ops.audit.Violation.Kind;
import io.newsline.ops.dlq.DeadLetter;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.StreamsApp;
import io.newsline.streams.StreamsAppConfig;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsline dlq} and {@code newsline audit} against the real streams app on a real KRaft broker (a cluster of
 * its own: the topic names are the production ones) and the real registry, fed by the real producer with the seeds
 * and a poison record. The steps build on each other, in order: a clean audit, the poison listed with its reason,
 * replayed and dead-lettered again, an article that went through replayed as an EXACT duplicate without a second
 * timeline entry, and planted violations that the audit reports with exit status 1.
 */
@WithRealKafkaAndRegistry
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DlqAndAuditIT {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEEDS = Path.of(System.getProperty("newsline.repository.root", ".."), "seeds")
            .toAbsolutePath();
    private static final Path TRANSCRIPT = Path.of("target", "dlq-audit-it-transcript.txt");

    private static KafkaTestCluster kafka;
    private static String registryUrl;
    private static String applicationId;
    private static StreamsApp app;
    private static String poisonKey;
    private static byte[] poison;

    @BeforeAll
    static void startApp(ApicurioRegistry registry, @TempDir Path stateDir) throws IOException {
        Files.deleteIfExists(TRANSCRIPT);
        kafka = KafkaTestCluster.start();
        registryUrl = registry.confluentApiUrl();
        applicationId = RealInfrastructure.uniqueName("newsline-dlq-it");
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsAppConfig.SNAPSHOT_INTERVAL_MS, "200");
        settings.put(StreamsAppConfig.TOPIC_PARTITIONS, "3");
        app = new StreamsApp(StreamsAppConfig.of(settings));
        KafkaStreams streams = app.start();
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void afterTheSeedsAndAPoisonRecordTheAuditIsClean() throws Exception {
        assertThat(run("produce", "--no-progress", SEEDS.toString()).exit).isZero();
        poisonKey = RealInfrastructure.uniqueName("poison");
        poison = new byte[64];
        new Random(42).nextBytes(poison);
        poison[0] = 0x7f; // not the wire format's magic byte 0
        sendRaw(new ProducerRecord<>(Topics.RAW_ARTICLES, poisonKey.getBytes(StandardCharsets.UTF_8), poison));

        await("the audit is clean")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> audit().clean());
        awaitIdle();

        AuditResult result = audit();
        assertThat(result.violations()).isEmpty();
        assertThat(result.articleIds()).isEqualTo(3); // two seeds and the poison
        assertThat(result.enrichedArticles()).isEqualTo(2);
        assertThat(result.records(Topics.DEAD_LETTERS)).isEqualTo(1);
        assertThat(result.snapshots()).isEqualTo(result.timelinesWithEntries()).isGreaterThan(5);

        Run audit = run("audit");
        assertThat(audit.exit).as(audit.toString()).isZero();
        assertThat(audit.out).contains("Violations: none").contains("3 article ids");
    }

    @Test
    @Order(2)
    void dlqListShowsThePoisonWithItsReason() throws Exception {
        Run list = run("dlq", "list");
        assertThat(list.exit).as(list.toString()).isZero();
        assertThat(list.out)
                .contains("key " + poisonKey + "  64 bytes  UnknownMagicByteException: Unknown magic byte 127")
                .contains("from news.articles.raw/")
                .contains("Dead letters: 1 on news.articles.dlq")
                .containsPattern("\\n\\s+1  UnknownMagicByteException: Unknown magic byte 127");

        Run json = run("dlq", "list", "--format", "json", "--reason", "magic byte");
        assertThat(json.exit).as(json.toString()).isZero();
        List<JsonNode> lines = jsonLines(json.out);
        assertThat(lines).hasSize(1);
        JsonNode letter = lines.get(0);
        assertThat(letter.get("key").asText()).isEqualTo(poisonKey);
        assertThat(letter.get("sourceTopic").asText()).isEqualTo(Topics.RAW_ARTICLES);
        assertThat(letter.get("valueBytes").asInt()).isEqualTo(64);
        assertThat(letter.get("exception").asText()).isEqualTo("io.newsline.serde.UnknownMagicByteException");
        assertThat(letter.get("message").asText()).startsWith("Unknown magic byte 127 in data from topic");
        assertThat(json.err).contains("Dead letters: 1 of 1 on news.articles.dlq (reason ~ \"magic byte\")");

        Run none = run("dlq", "list", "--reason", "no such reason", "--since", "1h");
        assertThat(none.exit).isZero();
        assertThat(none.out).startsWith("Dead letters: 0 of 1 on news.articles.dlq (reason ~ \"no such reason\"");
    }

    @Test
    @Order(3)
    void replayingThePoisonSendsItBackAndItDeadLettersAgain() throws Exception {
        Run dryRun = run("dlq", "replay", "--reason", "UnknownMagicByte", "--dry-run");
        assertThat(dryRun.exit).as(dryRun.toString()).isZero();
        assertThat(dryRun.out).contains("would send dlq/").contains("Dry run: 1 of 1 selected");

        Run replay = run("dlq", "replay", "--reason", "UnknownMagicByte", "--application-id", applicationId);
        assertThat(replay.exit).as(replay.toString()).isZero();
        assertThat(replay.out)
                .containsPattern("sent dlq/\\d+/\\d+ \\(key " + poisonKey + ", 64 bytes, UnknownMagicByteException.*\\)"
                        + " to news.articles.raw/\\d+/\\d+")
                .contains("Replayed: 1 of 1 selected");

        List<ConsumerRecord<byte[], byte[]>> deadLetters = awaitRecords(Topics.DEAD_LETTERS, 2, record -> true);
        ConsumerRecord<byte[], byte[]> first = deadLetters.stream()
                .filter(r -> r.headers().lastHeader(DeadLetter.REPLAYED_FROM) == null)
                .findFirst()
                .orElseThrow();
        ConsumerRecord<byte[], byte[]> again = deadLetters.stream()
                .filter(r -> r.headers().lastHeader(DeadLetter.REPLAYED_FROM) != null)
                .findFirst()
                .orElseThrow();
        assertThat(DeadLetter.of(again).replayedFrom())
                .isEqualTo(DeadLetter.of(first).position());
        assertThat(again.key()).isEqualTo(poisonKey.getBytes(StandardCharsets.UTF_8));
        assertThat(again.value()).isEqualTo(poison);
        assertThat(DeadLetter.of(again).exceptionClass()).isEqualTo("io.newsline.serde.UnknownMagicByteException");

        ConsumerRecord<byte[], byte[]> replayed = readAll(Topics.RAW_ARTICLES).stream()
                .filter(r -> r.headers().lastHeader(DeadLetter.REPLAYED_FROM) != null)
                .collect(onlyOne());
        assertThat(replayed.key()).isEqualTo(poisonKey.getBytes(StandardCharsets.UTF_8));
        assertThat(replayed.value()).isEqualTo(poison);
        assertThat(replayed.headers().toArray())
                .noneMatch(header -> header.key().startsWith(DeadLetter.ERROR_HEADER_PREFIX));

        awaitIdle();
        AuditResult result = audit();
        assertThat(result.violations()).isEmpty();
        assertThat(result.records(Topics.DEAD_LETTERS)).isEqualTo(2);

        Run list = run("dlq", "list");
        assertThat(list.out).contains("(replay of " + DeadLetter.of(first).position() + ")");

        // A dead letter from a topic the app does not read is refused, with the reason; nothing is sent for it.
        plantDeadLetter(
                "timeline-key".getBytes(StandardCharsets.UTF_8),
                new byte[] {1},
                Topics.TIMELINES,
                0,
                3,
                "java.lang.IllegalStateException",
                "planted: not replayable");
        Run refused = run("dlq", "replay", "--reason", "not replayable");
        assertThat(refused.exit).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err)
                .contains("refused: dlq/")
                .contains("came from news.timelines, which the streams app does not read");
        assertThat(refused.out).contains("Replayed: 0 of 1 selected dead letters");
        assertThat(audit().deadLettersFromOtherTopics()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void replayingAnArticleThatWentThroughGivesAnExactDuplicateAndNoSecondTimelineEntry() throws Exception {
        // Simulate a transient failure: the dead letter of a seed's raw record that did go through (its bytes, its
        // topic/partition/offset in the headers), as Kafka Streams writes one.
        ConsumerRecord<byte[], byte[]> seed = readAll(Topics.RAW_ARTICLES).stream()
                .filter(r -> !new String(r.key(), StandardCharsets.UTF_8).equals(poisonKey))
                .findFirst()
                .orElseThrow();
        String articleId = new String(seed.key(), StandardCharsets.UTF_8);
        plantDeadLetter(
                seed.key(),
                seed.value(),
                Topics.RAW_ARTICLES,
                seed.partition(),
                seed.offset(),
                "org.apache.kafka.common.errors.TimeoutException",
                "simulated transient failure");

        // A record that both went through and was dead-lettered is one outcome too many: the audit says so.
        awaitIdle();
        assertThat(audit().violations())
                .containsExactly(new Violation(
                        Kind.EXTRA_OUTCOMES, articleId, "raw records 1; outcomes 2 (enriched 1, dead letter 1)"));
        long entryRecordsBefore = entryRecordsOf(articleId);
        Map<String, Long> totalsBefore = snapshotTotals();
        assertThat(entryRecordsBefore).isPositive();

        Run replay = run("dlq", "replay", "--reason", "simulated transient");
        assertThat(replay.exit).as(replay.toString()).isZero();
        assertThat(replay.out).contains("key " + articleId).contains("Replayed: 1 of 1 selected");

        List<DuplicateNotice> notices = awaitValues(Topics.DUPLICATES, DuplicateNotice.class, n -> n.getDuplicateId()
                .equals(articleId));
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.getKind()).isEqualTo(DuplicateKind.EXACT);
            assertThat(notice.getOriginalId()).isEqualTo(articleId);
        });
        awaitIdle();

        assertThat(entryRecordsOf(articleId))
                .as("records on news.timeline-entries")
                .isEqualTo(entryRecordsBefore);
        assertThat(snapshotTotals()).isEqualTo(totalsBefore);
        AuditResult result = audit();
        assertThat(result.enrichedArticles()).isEqualTo(2);
        assertThat(result.records(Topics.ENRICHED_ARTICLES)).isEqualTo(2);
        assertThat(result.violations())
                .containsExactly(new Violation(
                        Kind.EXTRA_OUTCOMES,
                        articleId,
                        "raw records 2; outcomes 3 (enriched 1, exact duplicate 1, dead letter 1)"));
    }

    @Test
    @Order(5)
    void theAuditReportsPlantedViolationsAndExitsWithStatusOne() throws Exception {
        // An enriched record for an id that is not on the raw topic, and a snapshot with a wrong total and an
        // article listed twice.
        ConsumerRecord<byte[], byte[]> enriched =
                readAll(Topics.ENRICHED_ARTICLES).get(0);
        sendRaw(new ProducerRecord<>(
                Topics.ENRICHED_ARTICLES, "fake-article".getBytes(StandardCharsets.UTF_8), enriched.value()));
        TopicTimeline israel = latestSnapshot("israel");
        TopicTimeline wrong = TopicTimeline.newBuilder(israel)
                .setTotalEntries(israel.getTotalEntries() + 5)
                .setEntries(
                        List.of(israel.getEntries().get(0), israel.getEntries().get(0)))
                .build();
        try (KafkaProducer<String, TopicTimeline> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                serializer())) {
            producer.send(new ProducerRecord<>(Topics.TIMELINES, "israel", wrong))
                    .get();
        }

        Run audit = run("audit", "--examples", "3");
        assertThat(audit.exit).as(audit.toString()).isEqualTo(1);
        assertThat(audit.out)
                .contains("EXTRA_OUTCOMES (2): article ids with more outcomes than raw records")
                .contains("    fake-article  not on news.articles.raw; outcomes 1 (enriched 1)")
                .contains("MISSING_TIMELINE_ENTRY (")
                .contains("DUPLICATE_IN_SNAPSHOT (1): ")
                .contains("    israel  article " + israel.getEntries().get(0).getArticleId() + " listed 2 times")
                .contains("SNAPSHOT_TOTAL_MISMATCH (1): ")
                .contains("    israel  snapshot total " + (israel.getTotalEntries() + 5) + ", live entries "
                        + israel.getTotalEntries());

        // No broker: the message says which setting to pass.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run noBroker = runWith(
                List.of("--bootstrap-servers", "127.0.0.1:" + closedPort, "-X", "default.api.timeout.ms=3000"),
                "dlq",
                "list");
        assertThat(noBroker.exit).isEqualTo(1);
        assertThat(noBroker.err)
                .contains("error: no answer from the Kafka brokers at 127.0.0.1:" + closedPort)
                .contains("Pass --bootstrap-servers HOST:PORT or set NEWSLINE_BOOTSTRAP_SERVERS");
        Run auditNoBroker = runWith(
                List.of(
                        "--bootstrap-servers",
                        "127.0.0.1:" + closedPort,
                        "--schema-registry-url",
                        registryUrl,
                        "-X",
                        "default.api.timeout.ms=3000"),
                "audit");
        assertThat(auditNoBroker.exit).isEqualTo(3);
        assertThat(auditNoBroker.err).contains("no answer from the Kafka brokers");
    }

    // ---- helpers

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** A newsline command in-process, with this cluster and registry. */
    private static Run run(String... args) throws IOException {
        return runWith(
                List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", registryUrl), args);
    }

    private static Run runWith(List<String> connection, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("dlq")) {
            all.addAll(1, connection);
        } else {
            List<String> forDlq = new ArrayList<>(connection);
            int registry = forDlq.indexOf("--schema-registry-url");
            if (registry >= 0) { // dlq reads bytes only: no registry option
                forDlq.remove(registry + 1);
                forDlq.remove(registry);
            }
            all.addAll(2, forDlq);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Newsline.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        Run run = new Run(exit, out.toString(), err.toString());
        Files.writeString(
                TRANSCRIPT,
                "$ newsline " + String.join(" ", all) + "\n" + run + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return run;
    }

    private static AuditResult audit() {
        return PipelineAudit.run(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl));
    }

    /**
     * Waits until the streams app has committed everything it was given: its group's committed offsets are at the
     * (committed) end of news.articles.raw and of every repartition topic of the app. With exactly-once, what it
     * wrote for those records is committed too.
     */
    private static void awaitIdle() {
        Admin admin = kafka.admin();
        await("the streams app has processed and committed everything")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
                    Set<String> inputs = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                            .filter(t -> t.equals(Topics.RAW_ARTICLES)
                                    || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
                            .collect(Collectors.toSet());
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(inputs)
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .forEach((name, d) -> d.partitions()
                                    .forEach(p ->
                                            latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                    var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                            .all()
                            .get(10, TimeUnit.SECONDS);
                    return ends.entrySet().stream().allMatch(end -> {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        return (at == null ? 0 : at.offset()) >= end.getValue().offset();
                    });
                });
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        new TopicReader(Map.of("bootstrap.servers", kafka.bootstrapServers()), PATIENCE)
                .read(List.of(topic), records::add);
        return records;
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(
            String topic, int count, java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> which) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        await(count + " records on " + topic)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    found.clear();
                    readAll(topic).stream().filter(which).forEach(found::add);
                    return found.size() >= count;
                });
        return found;
    }

    private static <T extends SpecificRecord> List<T> awaitValues(
            String topic, Class<T> type, java.util.function.Predicate<T> which) {
        List<T> found = new ArrayList<>();
        try (SpecificAvroDeserializer<SpecificRecord> avro = new SpecificAvroDeserializer<>()) {
            avro.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            await("a matching record on " + topic)
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        found.clear();
                        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                            Object value = avro.deserialize(topic, record.value());
                            if (type.isInstance(value) && which.test(type.cast(value))) {
                                found.add(type.cast(value));
                            }
                        }
                        return !found.isEmpty();
                    });
        }
        return found;
    }

    /** Every record (tombstones and updates included) on news.timeline-entries about this article. */
    private static long entryRecordsOf(String articleId) {
        return readAll(Topics.TIMELINE_ENTRIES).stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).endsWith("|" + articleId))
                .count();
    }

    private static Map<String, Long> snapshotTotals() {
        Map<String, Long> totals = new TreeMap<>();
        try (SpecificAvroDeserializer<TopicTimeline> avro = new SpecificAvroDeserializer<>()) {
            avro.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.TIMELINES)) {
                String key = new String(record.key(), StandardCharsets.UTF_8);
                TopicTimeline timeline = avro.deserialize(Topics.TIMELINES, record.value());
                if (timeline == null) {
                    totals.remove(key);
                } else {
                    totals.put(key, timeline.getTotalEntries());
                }
            }
        }
        return totals;
    }

    private static TopicTimeline latestSnapshot(String topicId) {
        TopicTimeline latest = null;
        try (SpecificAvroDeserializer<TopicTimeline> avro = new SpecificAvroDeserializer<>()) {
            avro.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.TIMELINES)) {
                if (new String(record.key(), StandardCharsets.UTF_8).equals(topicId)) {
                    latest = avro.deserialize(Topics.TIMELINES, record.value());
                }
            }
        }
        assertThat(latest).as("snapshot of " + topicId).isNotNull();
        return latest;
    }

    private static SpecificAvroSerializer<TopicTimeline> serializer() {
        SpecificAvroSerializer<TopicTimeline> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return serializer;
    }

    private static void sendRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        }
    }

    /** A dead letter with the headers Kafka Streams gives one. */
    private static void plantDeadLetter(
            byte[] key, byte[] value, String topic, int partition, long offset, String exception, String message)
            throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DEAD_LETTERS, key, value);
        record.headers()
                .add(header(DeadLetter.EXCEPTION, exception))
                .add(header(DeadLetter.MESSAGE, message))
                .add(header(DeadLetter.STACKTRACE, exception + ": " + message + "\n\tat (planted by the test)"))
                .add(header(DeadLetter.TOPIC, topic))
                .add(header(DeadLetter.PARTITION, Integer.toString(partition)))
                .add(header(DeadLetter.OFFSET, Long.toString(offset)));
        sendRaw(record);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> jsonLines(String output) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private static <T> java.util.stream.Collector<T, ?, T> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }
}
