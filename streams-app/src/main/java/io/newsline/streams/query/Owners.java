package io.newsline.streams.query;

import io.newsline.streams.timeline.TopicIdPartitioner;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance holds a key, from Kafka Streams' metadata ({@code application.server} of every instance): a topic's
 * stores are on the partition {@link TopicIdPartitioner} gives its id, an article's on the default partition of its
 * id.
 */
public final class Owners {
    private static final StreamPartitioner<String, Void> BY_TOPIC_ID =
            (topic, key, value, partitions) -> Optional.of(Set.of(TopicIdPartitioner.partitionOf(key, partitions)));

    /** The active instance of a key and the partition it is on. */
    public record Owner(HostInfo host, int partition) {}

    private final KafkaStreams streams;

    public Owners(KafkaStreams streams) {
        this.streams = streams;
    }

    public Owner ofTopic(String topicId) {
        return owner(streams.queryMetadataForKey(QueryStores.TOPICS, topicId, BY_TOPIC_ID));
    }

    public Owner ofArticle(String articleId) {
        return owner(streams.queryMetadataForKey(
                QueryStores.ARTICLES, articleId, Serdes.String().serializer()));
    }

    /** Every instance that holds an active part of the topic directory. */
    public Set<HostInfo> topicHosts() {
        Set<HostInfo> hosts = new LinkedHashSet<>();
        for (StreamsMetadata metadata : streams.streamsMetadataForStore(QueryStores.TOPICS)) {
            // Only instances with active partitions of it: one that holds standbys only has nothing to answer.
            if (metadata.stateStoreNames().contains(QueryStores.TOPICS)) {
                hosts.add(metadata.hostInfo());
            }
        }
        if (hosts.isEmpty()) {
            throw new OwnerUnknownException("no instance holds the topic directory yet");
        }
        return hosts;
    }

    private static Owner owner(KeyQueryMetadata metadata) {
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.activeHost() == null) {
            throw new OwnerUnknownException("the owner of this key is not known (rebalancing)");
        }
        return new Owner(metadata.activeHost(), metadata.partition());
    }

    /** The metadata cannot say yet: a rebalance or a restore is under way. */
    public static final class OwnerUnknownException extends RuntimeException {
        public OwnerUnknownException(String message) {
            super(message);
        }
    }
}
