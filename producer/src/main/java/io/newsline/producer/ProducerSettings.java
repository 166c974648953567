package io.newsline.producer;

import io.newsline.common.ClientSettings;
import io.newsline.common.cli.KafkaConnectionOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer's configuration: built-in defaults, then the {@code --producer-config} file, then
 * {@code NEWSLINE_*} environment variables, then {@code -X key=value}, then the dedicated options
 * ({@code --bootstrap-servers}, {@code --schema-registry-url}); a later layer wins.
 */
public final class ProducerSettings {
    public static final String SCHEMA_REGISTRY_URL = KafkaConnectionOptions.SCHEMA_REGISTRY_URL;

    /** Named, not referenced: any serializer of Confluent's wire format can take its place via -X. */
    public static final String DEFAULT_VALUE_SERIALIZER = "io.newsline.serde.SpecificAvroSerializer";

    public static final String DEFAULT_CLIENT_ID = "newsline-producer";

    /** The producer's properties-file option, named in the messages when the brokers or registry are missing. */
    static final String FILE_OPTION = "--producer-config";

    private ProducerSettings() {}

    /**
     * Built-in defaults:
     *
     * <ul>
     *   <li>idempotence on with {@code acks=all}: a retried send never duplicates or reorders an article;
     *   <li>{@code compression.type=zstd}: articles are text, and zstd packs text markedly smaller than lz4 at a
     *       CPU cost that is small next to reading and hashing files; smaller batches also stay under the
     *       broker's {@code max.message.bytes}, which applies to the compressed batch;
     *   <li>{@code linger.ms=20}, {@code batch.size=256 KiB}: articles are a few KiB, so a short wait fills
     *       batches that compress well, while a watched file still goes out at once to a human's eye;
     *   <li>{@code max.request.size} of three times the largest file plus 64 KiB: decoded text is re-encoded
     *       as UTF-8 in the record, up to 3 bytes per input byte from a single-byte charset;
     *       {@code buffer.memory} at least twice that;
     *   <li>{@code max.block.ms=30000}: a command-line run should say soon that the brokers are unreachable.
     * </ul>
     */
    public static Map<String, String> defaults(long maxFileSize) {
        long maxRequestSize = Math.min(Integer.MAX_VALUE, 3 * maxFileSize + 64 * 1024);
        long bufferMemory = Math.max(64L * 1024 * 1024, 2 * maxRequestSize);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        defaults.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DEFAULT_VALUE_SERIALIZER);
        defaults.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        defaults.put(ProducerConfig.ACKS_CONFIG, "all");
        defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        defaults.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        defaults.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        defaults.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRequestSize));
        defaults.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(bufferMemory));
        defaults.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        defaults.put(ProducerConfig.CLIENT_ID_CONFIG, DEFAULT_CLIENT_ID);
        return defaults;
    }

    /** All layers merged; nothing is required yet (see {@link #forProducer}). */
    public static ClientSettings resolve(
            long maxFileSize,
            Path configFile,
            Map<String, String> environment,
            Map<String, String> overrides,
            String bootstrapServers,
            String schemaRegistryUrl) {
        return resolve(
                maxFileSize,
                configFile,
                environment,
                overrides,
                KafkaConnectionOptions.of(bootstrapServers, schemaRegistryUrl, FILE_OPTION));
    }

    /** All layers merged, the connection from the command's options; nothing is required yet. */
    static ClientSettings resolve(
            long maxFileSize,
            Path configFile,
            Map<String, String> environment,
            Map<String, String> overrides,
            KafkaConnectionOptions connection) {
        return connection.resolve(defaults(maxFileSize), configFile, environment, overrides);
    }

    /**
     * The map for the producer's constructor.
     *
     * @throws IllegalArgumentException naming the option and variable to set, if the brokers or the registry
     *     are not configured
     */
    public static Map<String, Object> forProducer(ClientSettings settings) {
        settings.require(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaConnectionOptions.howToSetBootstrapServers(FILE_OPTION));
        settings.require(SCHEMA_REGISTRY_URL, KafkaConnectionOptions.howToSetSchemaRegistryUrl(FILE_OPTION));
        return settings.asMap();
    }
}
