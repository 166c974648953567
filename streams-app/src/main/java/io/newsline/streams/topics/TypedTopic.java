package io.newsline.streams.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * A topic with the types of its records: its name and its key and value serdes in one object, so that what is
 * read from or written to a topic always goes through the same serdes (after Confluent's kafka-streams-examples
 * {@code Topic<K, V>}).
 */
public record TypedTopic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public TypedTopic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    /** Reading this topic, by a source processor of the given name. */
    public Consumed<K, V> consumed(String processorName) {
        return Consumed.with(keySerde, valueSerde).withName(processorName);
    }

    /** Writing this topic, by a sink processor of the given name, with the default partitioner. */
    public Produced<K, V> produced(String processorName) {
        return Produced.with(keySerde, valueSerde).withName(processorName);
    }

    /** Writing this topic, by a sink processor of the given name, partitioned by {@code partitioner}. */
    public Produced<K, V> produced(String processorName, StreamPartitioner<? super K, ? super V> partitioner) {
        return produced(processorName).withStreamPartitioner(partitioner);
    }
}
