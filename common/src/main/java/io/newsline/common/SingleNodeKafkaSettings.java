package io.newsline.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker settings shared by every single-node KRaft cluster we run ourselves: {@code newsline local} and
 * {@code demo} (Kafka's own server as a child process, {@code local/}), the tests' in-JVM cluster and the Docker
 * stack ({@code testkit/}). Each adds only what is its own: listeners, ports, node id, storage.
 *
 * <p>They differ from Kafka's defaults because there is only one broker, or so that clients start at once:
 *
 * <ul>
 *   <li>replication factor 1 and min ISR 1 for the internal topics (consumer offsets, transaction state,
 *       share-group state) and for new topics: with the defaults of 3 they can never be created, and consumer
 *       groups and transactions then hang without an error;
 *   <li>one partition for those internal topics, since 50 would slow down the first group or transaction;
 *   <li>{@code group.initial.rebalance.delay.ms=0}, so a consumer joins its group at once, not after 3 s;
 *   <li>{@code auto.create.topics.enable=false}: as in production, a topic must be created on purpose, with the
 *       right cleanup policy, so code that forgets to create one fails here too; Kafka Streams creates its
 *       internal topics itself and is not affected;
 *   <li>no unreleased features or API versions: a real broker has them off; Kafka's test kit turns them on.
 * </ul>
 */
public final class SingleNodeKafkaSettings {
    private SingleNodeKafkaSettings() {}

    /** The shared settings in a mutable map in a stable order, so that a caller can add its own. */
    public static Map<String, String> broker() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("num.partitions", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("share.coordinator.state.topic.num.partitions", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.put("unstable.api.versions.enable", "false");
        config.put("unstable.feature.versions.enable", "false");
        return config;
    }
}
