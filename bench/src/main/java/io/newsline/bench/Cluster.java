package io.newsline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The bench's view of the broker: topics, offsets, sizes on disk, reading a range of records. */
final class Cluster implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 60;

    private final String bootstrap;
    private final Admin admin;

    Cluster(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "newsline-bench-admin"));
    }

    Admin admin() {
        return admin;
    }

    String bootstrap() {
        return bootstrap;
    }

    void createTopic(String name, int partitions) {
        try {
            get(admin.createTopics(List.of(new NewTopic(name, partitions, (short) -1)))
                    .all());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    Set<String> topics() {
        return get(admin.listTopics().names());
    }

    List<TopicPartition> partitions(String topic) {
        TopicDescription description =
                get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        return description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    /** The end offsets (last stable offsets for read_committed, what a read_committed consumer can reach). */
    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : topics) {
            partitions(topic).forEach(tp -> request.put(tp, OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listOffsets(
                                request,
                                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all())
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /**
     * Whether every partition of these topics has no open transaction: its last stable offset (read_committed end)
     * is its high watermark. Transaction markers are written by the coordinator just after a commit returns.
     */
    boolean transactionsSettled(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (String topic : topics) {
            partitions(topic).forEach(tp -> request.put(tp, OffsetSpec.latest()));
        }
        Map<TopicPartition, Long> uncommitted = new HashMap<>();
        get(admin.listOffsets(
                                request,
                                new org.apache.kafka.clients.admin.ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                        .all())
                .forEach((tp, info) -> uncommitted.put(tp, info.offset()));
        return endOffsets(topics).equals(uncommitted);
    }

    /** Where a consumer group (a Streams application id) starts: its committed offsets, set before it exists. */
    void commitGroupOffsets(String groupId, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(groupId, commit).all());
    }

    /** The offsets a consumer group (a Streams application id) has committed, per partition. */
    Map<TopicPartition, Long> committedOffsets(String groupId) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
                .forEach((tp, committed) -> {
                    if (committed != null) {
                        offsets.put(tp, committed.offset());
                    }
                });
        return offsets;
    }

    /** Bytes on disk of every partition of the given topics, summed per topic (all log directories, all brokers). */
    Map<String, Long> sizeOnDisk(Collection<String> topics) {
        Set<Integer> brokers =
                get(admin.describeCluster().nodes()).stream().map(Node::id).collect(Collectors.toSet());
        Map<String, Long> sizes = new TreeMap<>();
        topics.forEach(topic -> sizes.put(topic, 0L));
        Map<Integer, Map<String, LogDirDescription>> dirs =
                get(admin.describeLogDirs(brokers).allDescriptions());
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (LogDirDescription dir : byDir.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica :
                        dir.replicaInfos().entrySet()) {
                    String topic = replica.getKey().topic();
                    if (sizes.containsKey(topic)) {
                        sizes.merge(topic, replica.getValue().size(), Long::sum);
                    }
                }
            }
        }
        return sizes;
    }

    /**
     * Records in the log segments of every partition of the given topics, summed per topic ({@link SegmentRecords}),
     * one replica per partition; empty when a partition's directory, as the broker names it, is not readable here
     * (a broker on another machine).
     */
    Optional<Map<String, SegmentRecords.Count>> recordsOnDisk(Collection<String> topics) {
        Set<Integer> brokers =
                get(admin.describeCluster().nodes()).stream().map(Node::id).collect(Collectors.toSet());
        Map<TopicPartition, Path> partitionDirs = new HashMap<>();
        Map<Integer, Map<String, LogDirDescription>> dirs =
                get(admin.describeLogDirs(brokers).allDescriptions());
        for (Map<String, LogDirDescription> byDir : dirs.values()) {
            for (Map.Entry<String, LogDirDescription> dir : byDir.entrySet()) {
                for (TopicPartition tp : dir.getValue().replicaInfos().keySet()) {
                    if (topics.contains(tp.topic())) {
                        partitionDirs.putIfAbsent(tp, Path.of(dir.getKey(), tp.topic() + "-" + tp.partition()));
                    }
                }
            }
        }
        Map<String, SegmentRecords.Count> counts = new TreeMap<>();
        topics.forEach(topic -> counts.put(topic, SegmentRecords.Count.NONE));
        for (Map.Entry<TopicPartition, Path> partition : partitionDirs.entrySet()) {
            if (!Files.isDirectory(partition.getValue())) {
                return Optional.empty();
            }
            try {
                counts.merge(
                        partition.getKey().topic(),
                        SegmentRecords.ofPartition(partition.getValue()),
                        SegmentRecords.Count::plus);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the segments in " + partition.getValue(), e);
            }
        }
        return Optional.of(counts);
    }

    /** Reads [from, to) of every partition with read_committed, keys and values as bytes. */
    void read(
            Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to,
            BiConsumer<ConsumerRecord<byte[], byte[]>, Long> onRecord) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("newsline-bench-reader")) {
            List<TopicPartition> partitions = new ArrayList<>(to.keySet());
            consumer.assign(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                long start = from.getOrDefault(tp, 0L);
                consumer.seek(tp, start);
                if (to.get(tp) > start) {
                    remaining.put(tp, to.get(tp));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS * 5);
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + remaining.keySet() + " back took too long");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(tp);
                    if (end != null && record.offset() < end) {
                        onRecord.accept(record, System.nanoTime());
                    }
                }
                // Transaction markers and aborted records are skipped, so the position says when a range is done.
                remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
            }
        }
    }

    KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(config);
    }

    static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
