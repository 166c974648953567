package io.newsline.streams.topics;

import io.newsline.serde.AvroSerdes;
import io.newsline.serde.SchemaRegistryClient;
import io.newsline.serde.SpecificAvroSerde;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * The Avro serdes of the topology. By default they come from the configured serde class
 * ({@code newsline.avro.serde}, see {@link AvroSerdes}), so Confluent's {@code SpecificAvroSerde} can replace ours
 * by configuration alone; every client setting (schema.registry.url, basic.auth.*, ...) reaches the serde.
 */
public final class TopologySerdes {
    private final Map<String, ?> settings;
    /** Present when the serdes use this client (tests, embedding); absent when built from the settings. */
    private final Optional<SchemaRegistryClient> client;

    private TopologySerdes(Map<String, ?> settings, Optional<SchemaRegistryClient> client) {
        this.settings = settings;
        this.client = client;
    }

    /** Serdes of the configured class, configured with every client setting (the app's settings, as given). */
    public static TopologySerdes from(Map<String, ?> clientSettings) {
        return new TopologySerdes(Map.copyOf(clientSettings), Optional.empty());
    }

    /** Serdes of our own class over the given registry client; for tests and embedding. */
    public static TopologySerdes withClient(SchemaRegistryClient client) {
        return new TopologySerdes(Map.of(), Optional.of(client));
    }

    public <T extends SpecificRecord> Serde<T> valueSerde(Class<T> type) {
        return client.<Serde<T>>map(registry -> new SpecificAvroSerde<>(type, registry))
                .orElseGet(() -> AvroSerdes.serde(type, settings, false));
    }
}
