package io.newsline.cli.reliability;

import static org.awaitility.Awaitility.await;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.common.Topics;
import io.newsline.ops.audit.AuditResult;
import io.newsline.ops.audit.PipelineAudit;
import io.newsline.serde.HttpSchemaRegistryClient;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.StreamsApp;
import io.newsline.streams.StreamsAppConfig;
import io.newsline.streams.TopicProvisioner;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One Newsline pipeline for a fault test: a Kafka cluster of its own, the app's topics, and the streams app run
 * in-process or as child JVMs (which can be killed with SIGKILL), plus ways to feed it and read what came out.
 */
final class Pipeline implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(150);
    static final int PARTITIONS = 3;

    final String bootstrapServers;
    final String registryUrl;
    final String applicationId;
    private final Path workDir;
    private final Admin admin;
    private final AutoCloseable cluster;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private final SpecificAvroSerializer<RawArticle> rawSerializer;

    private Pipeline(String bootstrapServers, Admin admin, AutoCloseable cluster, String registryUrl, Path workDir) {
        this.bootstrapServers = bootstrapServers;
        this.admin = admin;
        this.cluster = cluster;
        this.registryUrl = registryUrl;
        this.workDir = workDir;
        this.applicationId = RealInfrastructure.uniqueName("newsline-faults");
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        StreamsAppConfig.MAX_MESSAGE_BYTES,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                        "zstd"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        this.rawSerializer = new SpecificAvroSerializer<>(new HttpSchemaRegistryClient(
                SchemaRegistryConfig.from(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl))));
    }

    /** A new cluster with the app's topics (3 partitions each), using the registry at {@code registryUrl}. */
    static Pipeline start(String registryUrl, Path workDir) {
        KafkaTestCluster kafka = KafkaTestCluster.start();
        return on(kafka.bootstrapServers(), kafka.admin(), kafka, registryUrl, workDir);
    }

    /** A pipeline on a cluster the caller started; {@code cluster} is closed with the pipeline. */
    static Pipeline on(String bootstrapServers, Admin admin, AutoCloseable cluster, String registryUrl, Path workDir) {
        new TopicProvisioner(admin, PARTITIONS, (short) 1).ensureTopics(TopicProvisioner.topics());
        return new Pipeline(bootstrapServers, admin, cluster, registryUrl, workDir);
    }

    Admin admin() {
        return admin;
    }

    /** The app's settings for this pipeline, each instance with its own state directory. */
    Map<String, String> appSettings(String instance) {
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(
                StreamsConfig.STATE_DIR_CONFIG,
                workDir.resolve("state-" + instance).toString());
        settings.put(StreamsAppConfig.SNAPSHOT_INTERVAL_MS, "200");
        settings.put(StreamsAppConfig.TOPIC_PARTITIONS, Integer.toString(PARTITIONS));
        return settings;
    }

    /** The client.id of an instance; its stream threads' consumers are named after it. */
    String clientIdOf(String instance) {
        return applicationId + "-" + instance;
    }

    /** Starts the app in this JVM and waits until it is RUNNING. */
    KafkaStreams startInProcess(Map<String, String> overrides) {
        return startInProcess("in-process", overrides);
    }

    /** Starts an instance of the app in this JVM, with its own state directory, and waits until it is RUNNING. */
    KafkaStreams startInProcess(String instance, Map<String, String> overrides) {
        Map<String, String> settings = appSettings(instance);
        settings.putAll(overrides);
        StreamsApp app = new StreamsApp(StreamsAppConfig.of(settings));
        running.add(app);
        KafkaStreams streams = app.start();
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /** Starts the app in this JVM without waiting: for starting it while something it needs is down. */
    StreamsApp startInProcessNoWait(Map<String, String> overrides) {
        Map<String, String> settings = appSettings("in-process");
        settings.putAll(overrides);
        StreamsApp app = new StreamsApp(StreamsAppConfig.of(settings));
        running.add(app);
        app.start();
        return app;
    }

    /** Starts {@code newsline stream} as a child JVM (same class path as this test), its output in a log file. */
    ChildApp startChild(String instance) throws IOException {
        Path log = Files.createTempFile(workDir, "app-" + instance + "-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.newsline.streams.StreamCommand"));
        appSettings(instance).forEach((key, value) -> command.add("-X" + key + "=" + value));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildApp child = new ChildApp(instance, process, log);
        running.add(child);
        return child;
    }

    void send(RawArticle article) {
        sendBytes(article.getArticleId(), rawSerializer.serialize(Topics.RAW_ARTICLES, article));
    }

    byte[] serialize(RawArticle article) {
        return rawSerializer.serialize(Topics.RAW_ARTICLES, article);
    }

    void sendBytes(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(
                            Topics.RAW_ARTICLES, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send a raw record", e);
        }
    }

    /**
     * Runs {@code newsline audit}'s checks until they pass: every raw article has as many outcomes as raw records,
     * is on its timelines, no snapshot repeats an article or miscounts its topic. Polled, because timeline entries
     * and snapshots follow the enriched article by a hop and a snapshot interval.
     */
    void assertAuditClean() {
        Map<String, Object> config =
                Map.of("bootstrap.servers", bootstrapServers, SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl);
        AtomicReference<AuditResult> last = new AtomicReference<>();
        try {
            await("newsline audit to find nothing wrong")
                    .dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        last.set(PipelineAudit.run(config, Duration.ofSeconds(60)));
                        return last.get().clean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "audit not clean:\n" + (last.get() == null ? e : last.get().report(10)), e);
        }
    }

    /** Everything on the outcome topics now (read_committed), decoded. */
    Outcomes outcomes() {
        SpecificAvroDeserializer<EnrichedArticle> enriched = new SpecificAvroDeserializer<>();
        enriched.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        SpecificAvroDeserializer<DuplicateNotice> notices = new SpecificAvroDeserializer<>();
        notices.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        List<String> enrichedIds = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.ENRICHED_ARTICLES)) {
            if (record.value() == null) { // a retraction: the article turned out to repeat an earlier one
                enrichedIds.remove(new String(record.key(), StandardCharsets.UTF_8));
                continue;
            }
            enrichedIds.add(enriched.deserialize(record.topic(), record.value()).getArticleId());
        }
        List<DuplicateNotice> duplicates = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.DUPLICATES)) {
            duplicates.add(notices.deserialize(record.topic(), record.value()));
        }
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(Topics.DEAD_LETTERS)) {
            deadLetters.add(new DeadLetter(
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    record.value(),
                    header(record, "__streams.errors.exception"),
                    header(record, "__streams.errors.message"),
                    header(record, "__streams.errors.topic"),
                    header(record, "__streams.errors.offset")));
        }
        return new Outcomes(enrichedIds, duplicates, deadLetters);
    }

    /** Every record of a topic up to its end offsets now, with read_committed. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                17 * 1024 * 1024);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // best effort: the cluster goes next anyway
            }
        }
        producer.close(Duration.ofSeconds(5));
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the cluster", e);
        }
    }

    record DeadLetter(String key, byte[] value, String exception, String message, String sourceTopic, String offset) {}

    /** What came out: enriched ids, duplicate notices, dead letters. */
    record Outcomes(List<String> enrichedIds, List<DuplicateNotice> duplicates, List<DeadLetter> deadLetters) {
        int count() {
            return enrichedIds.size() + duplicates.size() + deadLetters.size();
        }

        /** Outcomes per raw-article id: enriched, duplicate notices (by duplicate id) and dead letters (by key). */
        Map<String, Integer> perArticle() {
            Map<String, Integer> counts = new HashMap<>();
            enrichedIds.forEach(id -> counts.merge(id, 1, Integer::sum));
            duplicates.forEach(notice -> counts.merge(notice.getDuplicateId(), 1, Integer::sum));
            deadLetters.stream()
                    .filter(dead -> dead.key() != null)
                    .forEach(dead -> counts.merge(dead.key(), 1, Integer::sum));
            return counts;
        }
    }

    /** The streams app as a child JVM. */
    static final class ChildApp implements AutoCloseable {
        final String instance;
        final Process process;
        final Path log;

        ChildApp(String instance, Process process, Path log) {
            this.instance = instance;
            this.process = process;
            this.log = log;
        }

        /** SIGKILL: no shutdown hook, no commit, no clean close. */
        void killHard() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e + ")";
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
