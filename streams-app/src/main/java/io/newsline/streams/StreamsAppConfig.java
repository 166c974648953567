package io.newsline.streams;

import io.newsline.common.ClientSettings;
import io.newsline.common.Topics;
import io.newsline.serde.AvroSerdes;
import io.newsline.streams.dedup.DedupSettings;
import io.newsline.streams.dedup.NearDuplicateParams;
import io.newsline.streams.errors.DeadLetterDeserializationHandler;
import io.newsline.streams.errors.DeadLetterProcessingHandler;
import io.newsline.streams.errors.DeadLetterProductionHandler;
import io.newsline.streams.web.HttpSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams app's settings: every Kafka Streams, client and serde setting passes through unchanged, plus the
 * {@code newsline.*} settings of the topology itself. Defaults are production ones: exactly-once, explicit
 * internal names enforced, poison records to the dead-letter topic instead of stopping the app.
 */
public record StreamsAppConfig(
        Map<String, Object> clientSettings,
        Duration dedupRetention,
        Duration timelineRetention,
        int snapshotEntries,
        Duration snapshotInterval,
        Duration expiryInterval,
        String avroSerdeClass,
        int topicPartitions,
        short topicReplicationFactor,
        boolean createTopics,
        NearDuplicateParams nearDuplicates) {

    public static final String DEDUP_RETENTION_MS = "newsline.dedup.retention.ms";
    public static final String TIMELINE_RETENTION_MS = "newsline.timeline.retention.ms";
    public static final String SNAPSHOT_ENTRIES = "newsline.timeline.snapshot.entries";
    public static final String SNAPSHOT_INTERVAL_MS = "newsline.timeline.snapshot.interval.ms";
    public static final String EXPIRY_INTERVAL_MS = "newsline.timeline.expiry.interval.ms";
    public static final String AVRO_SERDE = AvroSerdes.SERDE_CLASS_CONFIG;
    public static final String TOPIC_PARTITIONS = "newsline.topics.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "newsline.topics.replication.factor";
    public static final String CREATE_TOPICS = "newsline.topics.create";
    public static final String NEAR_ENABLED = "newsline.dedup.near.enabled";
    public static final String NEAR_THRESHOLD = "newsline.dedup.near.threshold";
    public static final String NEAR_BANDS = "newsline.dedup.near.bands";
    public static final String NEAR_ROWS = "newsline.dedup.near.rows";
    public static final String NEAR_SHINGLE_WORDS = "newsline.dedup.near.shingle.words";
    public static final String NEAR_RETENTION_MS = "newsline.dedup.near.retention.ms";

    /** Retries of the schema-registry client (see {@code SchemaRegistryConfig}). */
    static final String SCHEMA_REGISTRY_RETRIES = "schema.registry.retries";

    /** Largest record (16 MiB) the app writes, and the max.message.bytes of the topics it creates. */
    public static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);

    /** Defaults, lowest layer of {@link ClientSettings}. */
    public static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-streams");
        defaults.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        defaults.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        // Permanent failures of one record become dead letters and the partition moves on; transient ones (the
        // registry away) fail the thread, which StreamsApp replaces, so the record is read again, never lost.
        defaults.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        defaults.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        defaults.put(
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        // The registry client's retries with backoff (200 ms doubling to 10 s: about 33 s over 8 rounds) are the
        // wait between two attempts at a record during a registry outage; well inside max.poll.interval.ms.
        defaults.put(SCHEMA_REGISTRY_RETRIES, "8");
        // Failover in seconds: a killed instance's tasks move after the session timeout, 45 s by default. 6 s is
        // the broker's default group.min.session.timeout.ms; heartbeats at a quarter of it. (The classic
        // protocol, because with group.protocol=streams the session timeout is a broker-side group setting.)
        defaults.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
        defaults.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1500");
        // A warm copy of every stateful task on another instance (when there is one), so failover needs no
        // restore from the changelogs. Costs one more changelog reader per task.
        defaults.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
        // Articles are text and can be large (a saved HTML page, a long read): compress, and allow records up to
        // MAX_MESSAGE_BYTES on the app's producer and on the internal topics Kafka Streams creates.
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        defaults.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_MESSAGE_BYTES);
        defaults.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), MAX_MESSAGE_BYTES);
        // The timeline entries are read back from news.timeline-entries as a table: its store is restored from that
        // compacted topic instead of from a changelog holding every entry a second time.
        defaults.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
        defaults.put(DEDUP_RETENTION_MS, Long.toString(Duration.ofDays(30).toMillis()));
        // Archives are first-class: entries are kept forever unless a retention is set (then every entry dropped
        // or expired for age is counted and logged).
        defaults.put(TIMELINE_RETENTION_MS, "0");
        defaults.put(SNAPSHOT_ENTRIES, "100");
        defaults.put(SNAPSHOT_INTERVAL_MS, "1000");
        defaults.put(EXPIRY_INTERVAL_MS, Long.toString(Duration.ofHours(1).toMillis()));
        defaults.put(AVRO_SERDE, AvroSerdes.DEFAULT_SERDE_CLASS);
        defaults.put(TOPIC_PARTITIONS, "6");
        defaults.put(TOPIC_REPLICATION_FACTOR, "-1");
        defaults.put(CREATE_TOPICS, "true");
        NearDuplicateParams near = NearDuplicateParams.defaults(true);
        defaults.put(NEAR_ENABLED, Boolean.toString(near.enabled()));
        defaults.put(NEAR_THRESHOLD, Double.toString(near.threshold()));
        defaults.put(NEAR_BANDS, Integer.toString(near.bands()));
        defaults.put(NEAR_ROWS, Integer.toString(near.rows()));
        defaults.put(NEAR_SHINGLE_WORDS, Integer.toString(near.shingleSize()));
        defaults.put(NEAR_RETENTION_MS, Long.toString(near.retention().toMillis()));
        // Issue 13: the HTTP API and page (io.newsline.streams.web.HttpSettings): loopback and a free port unless
        // set; application.server, when not set, is the address bound here.
        defaults.put(HttpSettings.ENABLED, "true");
        defaults.put(HttpSettings.LISTEN, HttpSettings.DEFAULT_LISTEN);
        return defaults;
    }

    public static StreamsAppConfig from(ClientSettings settings) {
        Map<String, Object> all = settings.asMap();
        return new StreamsAppConfig(
                all,
                Duration.ofMillis(positiveLong(settings, DEDUP_RETENTION_MS, false)),
                Duration.ofMillis(positiveLong(settings, TIMELINE_RETENTION_MS, true)),
                (int) positiveLong(settings, SNAPSHOT_ENTRIES, false),
                Duration.ofMillis(positiveLong(settings, SNAPSHOT_INTERVAL_MS, false)),
                Duration.ofMillis(positiveLong(settings, EXPIRY_INTERVAL_MS, false)),
                settings.get(AVRO_SERDE),
                (int) positiveLong(settings, TOPIC_PARTITIONS, false),
                Short.parseShort(settings.get(TOPIC_REPLICATION_FACTOR)),
                Boolean.parseBoolean(settings.get(CREATE_TOPICS)),
                nearDuplicates(settings));
    }

    private static NearDuplicateParams nearDuplicates(ClientSettings settings) {
        String threshold = settings.get(NEAR_THRESHOLD);
        double value;
        try {
            value = Double.parseDouble(threshold.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(NEAR_THRESHOLD + " must be a number in (0, 1], not '" + threshold + "'");
        }
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(NEAR_THRESHOLD + " must be in (0, 1]: " + threshold);
        }
        return new NearDuplicateParams(
                Boolean.parseBoolean(settings.get(NEAR_ENABLED).trim()),
                (int) positiveLong(settings, NEAR_SHINGLE_WORDS, false),
                (int) positiveLong(settings, NEAR_BANDS, false),
                (int) positiveLong(settings, NEAR_ROWS, false),
                value,
                Duration.ofMillis(positiveLong(settings, NEAR_RETENTION_MS, false)));
    }

    /** Defaults plus the given overrides; for tests and embedding. */
    public static StreamsAppConfig of(Map<String, String> overrides) {
        return from(ClientSettings.withDefaults(defaults()).with(overrides));
    }

    /** Deduplication's settings; its band keys are spread over as many buckets as the topics have partitions. */
    public DedupSettings dedupSettings() {
        return new DedupSettings(
                nearDuplicates, dedupRetention, topicPartitions, DedupSettings.exchangeTopic(applicationId()));
    }

    /** This configuration with another partition count (the one the existing topics have). */
    public StreamsAppConfig withTopicPartitions(int partitions) {
        return new StreamsAppConfig(
                clientSettings,
                dedupRetention,
                timelineRetention,
                snapshotEntries,
                snapshotInterval,
                expiryInterval,
                avroSerdeClass,
                partitions,
                topicReplicationFactor,
                createTopics,
                nearDuplicates);
    }

    public String applicationId() {
        return (String) clientSettings.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    private static long positiveLong(ClientSettings settings, String key, boolean zeroAllowed) {
        String raw = settings.get(key);
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + raw + "'");
        }
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new IllegalArgumentException(
                    key + " must be " + (zeroAllowed ? "0 or more" : "positive") + ": " + raw);
        }
        return value;
    }
}
