package io.newsline.streams;

import io.newsline.serde.AvroSerdes;
import io.newsline.serde.SchemaRegistryClient;
import io.newsline.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Avro serdes of the topology. By default they come from the configured serde class
 * ({@code newsline.avro.serde}, see {@link AvroSerdes}), so Confluent's {@code SpecificAvroSerde} can replace ours
 * by configuration alone; every client setting (schema.registry.url, basic.auth.*, ...) reaches the serde.
 */
public final class TopologySerdes {
    private final Map<String, ?> settings;
    private final SchemaRegistryClient client;

    private TopologySerdes(Map<String, ?> settings, SchemaRegistryClient client) {
        this.settings = settings;
        this.client = client;
    }

    public static TopologySerdes from(StreamsAppConfig config) {
        return new TopologySerdes(config.clientSettings(), null);
    }

    /** Serdes of our own class over the given registry client; for tests and embedding. */
    public static TopologySerdes withClient(SchemaRegistryClient client) {
        return new TopologySerdes(Map.of(), client);
    }

    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        if (client != null) {
            return new SpecificAvroSerde<>(type, client);
        }
        return AvroSerdes.serde(type, settings, false);
    }
}
