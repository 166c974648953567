package io.newsline.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics as raw bytes, committed records only, from the beginning to the end offsets they had when the
 * read started: a consistent "as of now" picture without a consumer group. Records that arrive meanwhile are not
 * read. Bounded: a read that does not reach those offsets within the timeout fails.
 */
public final class TopicReader {
    /** How long a client call may block when the brokers do not answer, unless {@code -X} says otherwise. */
    public static final String DEFAULT_API_TIMEOUT_MS = "15000";

    private final Map<String, Object> config;
    private final Duration timeout;

    /**
     * @param clientConfig consumer settings with at least {@code bootstrap.servers}; deserializers, isolation level
     *     and group are set here (bytes, read_committed, none)
     */
    public TopicReader(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> settings = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, DEFAULT_API_TIMEOUT_MS);
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsline-ops-reader");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.config = Map.copyOf(settings);
        this.timeout = timeout;
    }

    /**
     * Hands every committed record of {@code topics} up to their current end to {@code handler}, partition by
     * partition in offset order (records of different partitions interleave).
     *
     * @throws MissingTopicsException when a topic does not exist
     * @throws org.apache.kafka.common.errors.TimeoutException when the brokers do not answer, or the end is not
     *     reached within the timeout
     */
    public void read(Collection<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            TreeSet<String> missing = new TreeSet<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics();
            for (String topic : topics) {
                List<PartitionInfo> infos = existing.get(topic);
                if (infos == null || infos.isEmpty()) {
                    missing.add(topic);
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (!missing.isEmpty()) {
                throw new MissingTopicsException(missing);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new org.apache.kafka.common.errors.TimeoutException(
                            "Did not read " + topics + " to their end offsets within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.accept(record);
                    }
                }
            }
        }
    }

    /** One or more topics the read needs do not exist on the cluster. */
    public static final class MissingTopicsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Collection<String> topics;

        public MissingTopicsException(Collection<String> topics) {
            super("No topic " + String.join(", ", topics) + " on the cluster");
            this.topics = List.copyOf(topics);
        }

        public Collection<String> topics() {
            return topics;
        }
    }
}
