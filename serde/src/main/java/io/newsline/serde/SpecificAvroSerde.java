package io.newsline.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link Serde} of a {@link SpecificAvroSerializer} and a {@link SpecificAvroDeserializer} sharing one
 * registry client (and so its caches). Used like Confluent's {@code
 * io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde}: construct with no arguments, then {@link
 * #configure} with {@code schema.registry.url} and whether it is for keys.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;
    private boolean hasClient;

    public SpecificAvroSerde() {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /** For programmatic use: reads into {@code type}; usable at once as a value serde, or configure it. */
    public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.serializer = new SpecificAvroSerializer<>(client);
        this.deserializer = new SpecificAvroDeserializer<>(type, Objects.requireNonNull(client, "client"));
        this.hasClient = true;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!hasClient) {
            SchemaRegistryClient client = new HttpSchemaRegistryClient(SchemaRegistryConfig.from(configs));
            serializer.useClient(client);
            deserializer.useClient(client);
            hasClient = true;
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
