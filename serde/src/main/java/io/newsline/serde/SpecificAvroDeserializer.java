package io.newsline.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro data into {@link SpecificRecord}s, like Confluent's {@code
 * KafkaAvroDeserializer} with {@code specific.avro.reader=true}. The writer schema is fetched by the id in
 * bytes 1-4 (once per id, then cached) and resolved against the reader class's schema, so records written
 * with an older or newer compatible schema read fine. The reader class is the one given to the constructor,
 * or else the generated class named by the writer schema's full name, found through {@link SpecificData}.
 *
 * <p>Thread-safe. {@code null} reads as {@code null} (a tombstone); data not starting with the magic byte 0
 * is an {@link UnknownMagicByteException}; other failures are {@link SchemaRegistryException}s or {@link
 * SerializationException}s naming the topic and schema id.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
    private final Class<T> type;
    private SchemaRegistryClient client;

    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    // Per instance and per thread: decoders are not thread-safe, but are worth reusing.
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    /** For Kafka: configured by {@link #configure} with at least {@code schema.registry.url}. */
    public SpecificAvroDeserializer() {
        this.type = null;
    }

    /** For programmatic use: reads into {@code type} through {@code client}; needs no configure call. */
    public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.client = Objects.requireNonNull(client, "client");
    }

    void useClient(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = new HttpSchemaRegistryClient(SchemaRegistryConfig.from(configs));
        } else {
            SchemaRegistryConfig.withoutUrl(configs); // still reject malformed settings
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != SpecificAvroSerializer.MAGIC_BYTE) {
            throw new UnknownMagicByteException("Unknown magic byte "
                    + (data.length == 0 ? "(empty data)" : String.valueOf(data[0]))
                    + " in data from topic " + topic
                    + ": not written in the Confluent Avro wire format (magic byte 0, 4-byte schema id, Avro binary)");
        }
        if (data.length < SpecificAvroSerializer.HEADER_SIZE) {
            throw new SerializationException("Data from topic " + topic + " is " + data.length
                    + " bytes, too short for the 5-byte Confluent wire-format header");
        }
        if (client == null) {
            throw new IllegalStateException("SpecificAvroDeserializer is not configured: call configure() with "
                    + SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<T> reader = readers.get(id);
        if (reader == null) {
            reader = newReader(id, topic); // outside any lock: it may call the registry
            readers.putIfAbsent(id, reader);
        }
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(
                        data,
                        SpecificAvroSerializer.HEADER_SIZE,
                        data.length - SpecificAvroSerializer.HEADER_SIZE,
                        decoders.get());
        decoders.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize Avro data from topic " + topic + " with schema id " + id + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private DatumReader<T> newReader(int id, String topic) {
        Schema writer = client.getSchemaById(id);
        Class<?> readerClass = type;
        if (readerClass == null) {
            readerClass = SpecificData.get().getClass(writer);
            if (readerClass == null || !SpecificRecord.class.isAssignableFrom(readerClass)) {
                throw new SerializationException("No generated SpecificRecord class " + writer.getFullName()
                        + " on the classpath for schema id " + id + " (topic " + topic + ")");
            }
        }
        SpecificData model = SpecificData.getForClass(readerClass); // the class's own model: logical-type conversions
        return new SpecificDatumReader<>(writer, model.getSchema(readerClass), model);
    }

    @Override
    public void close() {
        decoders.remove();
    }
}
