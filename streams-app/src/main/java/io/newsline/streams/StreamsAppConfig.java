package io.newsline.streams;

import io.newsline.article.similarity.NearDuplicateParams;
import io.newsline.article.story.StoryParams;
import io.newsline.common.ClientSettings;
import io.newsline.common.Topics;
import io.newsline.serde.AvroSerdes;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.streams.dedup.DedupSettings;
import io.newsline.streams.errors.DeadLetterDeserializationHandler;
import io.newsline.streams.errors.DeadLetterProcessingHandler;
import io.newsline.streams.errors.DeadLetterProductionHandler;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.timeline.TimelineSettings;
import io.newsline.streams.web.HttpSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams app's settings, in the style of Kafka's {@link StreamsConfig}: the {@code newsline.*} settings of
 * the topology are defined in {@link #configDef()} (type, default, validator, importance, doc; the README's settings
 * table is generated from it, see {@link SettingsTable}), and every Kafka Streams, client and serde setting passes
 * through unchanged ({@link #clientSettings()}). Defaults for those are production ones ({@link #defaults()}):
 * exactly-once, explicit internal names enforced, poison records to the dead-letter topic instead of stopping the
 * app.
 */
public final class StreamsAppConfig extends AbstractConfig {

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

    /** Largest record (16 MiB) the app writes, and the max.message.bytes of the topics it creates. */
    public static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);

    private static final String DEDUP = "Deduplication";
    private static final String TIMELINES = "Timelines";
    private static final String TOPICS = "Topics";
    private static final String SERDES = "Serdes";
    private static final String HTTP = "HTTP";
    private static final String STORIES = "Stories";

    /** The measured near-duplicate defaults (docs/near-duplicates.md), defined once in article-core. */
    private static final NearDuplicateParams NEAR_DEFAULTS = NearDuplicateParams.defaults(true);

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(
                    DEDUP_RETENTION_MS,
                    Type.LONG,
                    Duration.ofDays(30).toMillis(),
                    SettingValidators.positive(),
                    Importance.MEDIUM,
                    "How long a body fingerprint is remembered for exact dedup.",
                    DEDUP,
                    1,
                    ConfigDef.Width.SHORT,
                    "exact dedup retention")
            .define(
                    NEAR_ENABLED,
                    Type.BOOLEAN,
                    NEAR_DEFAULTS.enabled(),
                    Importance.MEDIUM,
                    "Whether near duplicates are looked for; false keeps exact dedup only.",
                    DEDUP,
                    2,
                    ConfigDef.Width.SHORT,
                    "near dedup")
            .define(
                    NEAR_THRESHOLD,
                    Type.DOUBLE,
                    NEAR_DEFAULTS.threshold(),
                    SettingValidators.fraction(),
                    Importance.MEDIUM,
                    "Jaccard similarity of the shingle sets from which two bodies are near duplicates; higher catches"
                            + " only lighter edits, below about 0.45 different reports on one subject start to match.",
                    DEDUP,
                    3,
                    ConfigDef.Width.SHORT,
                    "near dedup threshold")
            .define(
                    NEAR_BANDS,
                    Type.INT,
                    NEAR_DEFAULTS.bands(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "LSH bands (one band-index entry per article and band); keep 1 - (1 - t^rows)^bands above 0.99"
                            + " at the threshold t.",
                    DEDUP,
                    4,
                    ConfigDef.Width.SHORT,
                    "LSH bands")
            .define(
                    NEAR_ROWS,
                    Type.INT,
                    NEAR_DEFAULTS.rows(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "MinHash values per LSH band; bands x rows at most 1024.",
                    DEDUP,
                    5,
                    ConfigDef.Width.SHORT,
                    "LSH rows")
            .define(
                    NEAR_SHINGLE_WORDS,
                    Type.INT,
                    NEAR_DEFAULTS.shingleSize(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "Words per shingle.",
                    DEDUP,
                    6,
                    ConfigDef.Width.SHORT,
                    "shingle words")
            .define(
                    NEAR_RETENTION_MS,
                    Type.LONG,
                    NEAR_DEFAULTS.retention().toMillis(),
                    SettingValidators.positive(),
                    Importance.MEDIUM,
                    "How long an article can be the original of a near duplicate.",
                    DEDUP,
                    7,
                    ConfigDef.Width.SHORT,
                    "near dedup retention")
            .define(
                    TIMELINE_RETENTION_MS,
                    Type.LONG,
                    // Archives are first-class: entries are kept forever unless a retention is set (then every
                    // entry dropped or expired for age is counted and logged).
                    0L,
                    SettingValidators.atLeastZero(),
                    Importance.MEDIUM,
                    "Opt-in (0 = forever): entries published longer ago than this (against stream time) expire;"
                            + " every entry refused or expired for age is counted (metrics"
                            + " timeline-entries-dropped-for-age-total, timeline-entries-expired-total) and logged"
                            + " with totals.",
                    TIMELINES,
                    1,
                    ConfigDef.Width.SHORT,
                    "timeline retention")
            .define(
                    SNAPSHOT_ENTRIES,
                    Type.INT,
                    100,
                    SettingValidators.positive(),
                    Importance.MEDIUM,
                    "Newest entries per snapshot on " + Topics.TIMELINES + ".",
                    TIMELINES,
                    2,
                    ConfigDef.Width.SHORT,
                    "snapshot entries")
            .define(
                    SNAPSHOT_INTERVAL_MS,
                    Type.LONG,
                    1000L,
                    SettingValidators.positive(),
                    Importance.MEDIUM,
                    "At most one snapshot per changed topic per interval.",
                    TIMELINES,
                    3,
                    ConfigDef.Width.SHORT,
                    "snapshot interval")
            .define(
                    EXPIRY_INTERVAL_MS,
                    Type.LONG,
                    Duration.ofHours(1).toMillis(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "How often (stream time) expired entries are removed.",
                    TIMELINES,
                    4,
                    ConfigDef.Width.SHORT,
                    "expiry interval")
            .define(
                    AVRO_SERDE,
                    Type.STRING,
                    AvroSerdes.DEFAULT_SERDE_CLASS,
                    new ConfigDef.NonEmptyString(),
                    Importance.LOW,
                    // A name, not Type.CLASS: Confluent's serde need only be on the class path when it is chosen.
                    "The Avro serde class; Confluent's " + AvroSerdes.CONFLUENT_SERDE_CLASS + " works too.",
                    SERDES,
                    1,
                    ConfigDef.Width.LONG,
                    "Avro serde")
            .define(
                    TOPIC_PARTITIONS,
                    Type.INT,
                    6,
                    SettingValidators.positive(),
                    Importance.HIGH,
                    "Partitions of the topics the app creates.",
                    TOPICS,
                    1,
                    ConfigDef.Width.SHORT,
                    "partitions")
            .define(
                    TOPIC_REPLICATION_FACTOR,
                    Type.SHORT,
                    (short) -1,
                    SettingValidators.replicationFactor(),
                    Importance.HIGH,
                    "Replication of the topics the app creates; -1 is the broker's default.",
                    TOPICS,
                    2,
                    ConfigDef.Width.SHORT,
                    "replication factor")
            .define(
                    CREATE_TOPICS,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Create missing topics and check existing ones at start-up.",
                    TOPICS,
                    3,
                    ConfigDef.Width.SHORT,
                    "create topics")
            .define(
                    HttpSettings.ENABLED,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Serve the HTTP API, the timeline page and the health and metrics endpoints; false also leaves"
                            + " out the API's stores (article-views, article-duplicates, topic-directory).",
                    HTTP,
                    1,
                    ConfigDef.Width.SHORT,
                    "HTTP enabled")
            .define(
                    HttpSettings.LISTEN,
                    Type.STRING,
                    HttpSettings.DEFAULT_LISTEN,
                    SettingValidators.hostPort(),
                    Importance.MEDIUM,
                    "host:port the HTTP server binds (port 0: a free one); loopback by default. Unless"
                            + " application.server is set, the bound address is this instance's application.server.",
                    HTTP,
                    2,
                    ConfigDef.Width.MEDIUM,
                    "HTTP listen address")
            .define(
                    StorySettings.ENABLED,
                    Type.BOOLEAN,
                    true,
                    Importance.MEDIUM,
                    "Cluster the enriched originals into stories: storyId on each article, STORY timelines, merges on"
                            + " news.story-merges (docs/stories.md).",
                    STORIES,
                    1,
                    ConfigDef.Width.SHORT,
                    "stories")
            .define(
                    StorySettings.THRESHOLD,
                    Type.DOUBLE,
                    StoryParams.DEFAULT_THRESHOLD,
                    SettingValidators.fraction(),
                    Importance.MEDIUM,
                    "Similarity from which an article joins a story dated within newsline.story.open.ms of it.",
                    STORIES,
                    2,
                    ConfigDef.Width.SHORT,
                    "story threshold")
            .define(
                    StorySettings.LATE_THRESHOLD,
                    Type.DOUBLE,
                    StoryParams.DEFAULT_LATE_THRESHOLD,
                    SettingValidators.fraction(),
                    Importance.LOW,
                    "Similarity from which a later development joins an older story (until the story is closed).",
                    STORIES,
                    3,
                    ConfigDef.Width.SHORT,
                    "late threshold")
            .define(
                    StorySettings.OPEN_MS,
                    Type.LONG,
                    StoryParams.DEFAULT_OPEN_FOR.toMillis(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "How long after its last article a story takes new articles at the normal threshold.",
                    STORIES,
                    4,
                    ConfigDef.Width.SHORT,
                    "story open")
            .define(
                    StorySettings.RETENTION_MS,
                    Type.LONG,
                    StoryParams.DEFAULT_RETENTION.toMillis(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "After this long without articles a story leaves the matching index (its timeline stays).",
                    STORIES,
                    5,
                    ConfigDef.Width.SHORT,
                    "story retention")
            .define(
                    StorySettings.EXPIRY_INTERVAL_MS,
                    Type.LONG,
                    Duration.ofHours(1).toMillis(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "How often (stream time) closed stories are removed from the matching index.",
                    STORIES,
                    6,
                    ConfigDef.Width.SHORT,
                    "story expiry interval")
            .define(
                    StorySettings.MERGE_THRESHOLD,
                    Type.DOUBLE,
                    StoryParams.DEFAULT_MERGE_THRESHOLD,
                    SettingValidators.fraction(),
                    Importance.LOW,
                    "Similarity of two stories' centroids from which they are merged into one (news.story-merges).",
                    STORIES,
                    7,
                    ConfigDef.Width.SHORT,
                    "merge threshold")
            .define(
                    StorySettings.RECHECK_DELAY_MS,
                    Type.LONG,
                    StorySettings.DEFAULT_RECHECK_DELAY.toMillis(),
                    SettingValidators.positive(),
                    Importance.LOW,
                    "Wall-clock time after a story is founded before it looks for a twin to merge with: long enough for"
                            + " stories founded at the same moment on other partitions to reach every instance's"
                            + " matching index (commit interval plus the global store's read).",
                    STORIES,
                    8,
                    ConfigDef.Width.SHORT,
                    "merge recheck delay");

    /**
     * The {@code newsline.*} settings; a copy, so callers cannot change the app's definitions. Other settings are
     * not defined here: Kafka Streams and the serde validate their own.
     */
    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG);
    }

    /**
     * Defaults of the Kafka Streams, client and serde settings the app passes through, lowest layer of {@link
     * ClientSettings}; the {@code newsline.*} defaults are in {@link #configDef()}.
     */
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
        // The same handler on the global thread (the story stage's matching index): without it one unreadable record
        // on the matching topic stops the global thread, and the instance, at every start (Kafka's default is off
        // until 5.0). That thread cannot write dead letters: the handler skips, logs and counts the record.
        defaults.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        defaults.put(
                StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        defaults.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        // The registry client's retries with backoff (200 ms doubling to 10 s: about 33 s over 8 rounds) are the
        // wait between two attempts at a record during a registry outage; well inside max.poll.interval.ms.
        defaults.put(SchemaRegistryConfig.RETRIES, "8");
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
        return defaults;
    }

    private final Map<String, Object> clientSettings;

    /**
     * @param settings every setting, as strings (defaults, file, environment and overrides already layered)
     * @throws ConfigException naming the setting when a {@code newsline.*} value is malformed or out of range
     */
    public StreamsAppConfig(Map<String, ?> settings) {
        // Not logged here: Kafka Streams logs its own configuration when it starts.
        super(CONFIG, settings, false);
        this.clientSettings = Map.copyOf(originals());
        // Settings that are valid one by one but not together fail here, at start-up, not in the topology.
        try {
            nearDuplicates();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(NEAR_BANDS + " x " + NEAR_ROWS + ": " + e.getMessage());
        }
    }

    public static StreamsAppConfig from(ClientSettings settings) {
        return new StreamsAppConfig(settings.asMap());
    }

    /** Defaults plus the given overrides; for tests and embedding. */
    public static StreamsAppConfig of(Map<String, String> overrides) {
        return from(ClientSettings.withDefaults(defaults()).with(overrides));
    }

    /** Every setting as given (Kafka Streams, clients, serde and {@code newsline.*}), for Kafka's constructors. */
    public Map<String, Object> clientSettings() {
        return clientSettings;
    }

    public String applicationId() {
        return (String) clientSettings.get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    public Duration dedupRetention() {
        return Duration.ofMillis(getLong(DEDUP_RETENTION_MS));
    }

    /** Zero when entries never expire. */
    public Duration timelineRetention() {
        return Duration.ofMillis(getLong(TIMELINE_RETENTION_MS));
    }

    public int snapshotEntries() {
        return getInt(SNAPSHOT_ENTRIES);
    }

    public Duration snapshotInterval() {
        return Duration.ofMillis(getLong(SNAPSHOT_INTERVAL_MS));
    }

    public Duration expiryInterval() {
        return Duration.ofMillis(getLong(EXPIRY_INTERVAL_MS));
    }

    public String avroSerdeClass() {
        return getString(AVRO_SERDE);
    }

    public int topicPartitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    /** -1 for the broker's default. */
    public short topicReplicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    /** Whether the HTTP API runs, and so whether the topology keeps the stores it reads. */
    public boolean httpEnabled() {
        return getBoolean(HttpSettings.ENABLED);
    }

    /** Where the HTTP API listens, if it runs. */
    public HttpSettings httpSettings() {
        return HttpSettings.parse(httpEnabled(), getString(HttpSettings.LISTEN));
    }

    public boolean createTopics() {
        return getBoolean(CREATE_TOPICS);
    }

    public NearDuplicateParams nearDuplicates() {
        return new NearDuplicateParams(
                getBoolean(NEAR_ENABLED),
                getInt(NEAR_SHINGLE_WORDS),
                getInt(NEAR_BANDS),
                getInt(NEAR_ROWS),
                getDouble(NEAR_THRESHOLD),
                Duration.ofMillis(getLong(NEAR_RETENTION_MS)));
    }

    /** Deduplication's settings; its band keys are spread over as many buckets as the topics have partitions. */
    public DedupSettings dedupSettings() {
        return new DedupSettings(
                nearDuplicates(), dedupRetention(), topicPartitions(), DedupSettings.exchangeTopic(applicationId()));
    }

    /** The timeline stages' settings; "also reported by" patches are spread like the entries topic. */
    public TimelineSettings timelineSettings() {
        return new TimelineSettings(
                timelineRetention(), snapshotEntries(), snapshotInterval(), expiryInterval(), topicPartitions());
    }

    /** The story stage's settings. */
    public StorySettings storySettings() {
        StoryParams defaults = StoryParams.defaults();
        StoryParams params = new StoryParams(
                getDouble(StorySettings.THRESHOLD),
                getDouble(StorySettings.LATE_THRESHOLD),
                Duration.ofMillis(getLong(StorySettings.OPEN_MS)),
                Duration.ofMillis(getLong(StorySettings.RETENTION_MS)),
                defaults.blockingKeys(),
                defaults.storyKeys(),
                defaults.maxTerms(),
                defaults.maxStoriesPerKey(),
                getDouble(StorySettings.MERGE_THRESHOLD),
                defaults.summaryTerms());
        return new StorySettings(
                getBoolean(StorySettings.ENABLED),
                params,
                Duration.ofMillis(getLong(StorySettings.EXPIRY_INTERVAL_MS)),
                Duration.ofMillis(getLong(StorySettings.RECHECK_DELAY_MS)),
                StorySettings.updatesTopic(applicationId()),
                StorySettings.matchingTopic(applicationId()));
    }

    /** This configuration with another partition count (the one the existing topics have). */
    public StreamsAppConfig withTopicPartitions(int partitions) {
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(TOPIC_PARTITIONS, Integer.toString(partitions));
        return new StreamsAppConfig(settings);
    }
}
