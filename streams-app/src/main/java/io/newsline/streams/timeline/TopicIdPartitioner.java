package io.newsline.streams.timeline;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions {@code <topicId>|<articleId>} keys by topic id alone, with the same murmur2 hash Kafka's default
 * partitioner applies to a String key. One topic's entries therefore stay in one partition, in order, and land
 * in the same partition number as that topic's snapshot (keyed by topic id) when both topics have as many
 * partitions.
 */
public final class TopicIdPartitioner<V> implements StreamPartitioner<String, V> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partitionOf(TimelineKeys.topicIdOf(key), numPartitions)));
    }

    public static int partitionOf(String topicId, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(topicId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
