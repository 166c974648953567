package io.newsline.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro {@link SpecificRecord}s in the Confluent wire format (see {@link io.newsline.serde the package
 * doc}), registering or looking up their schema under {@code <topic>-key} / {@code <topic>-value}. A drop-in
 * for Confluent's {@code KafkaAvroSerializer} for specific records: same bytes, same config keys.
 *
 * <p>Which schema id is written, as in Confluent's serializer: with {@code auto.register.schemas=true}
 * (default) the record's schema is registered (once per schema and subject, then cached); otherwise, with
 * {@code use.latest.version=true}, the subject's latest schema (fetched once per subject), the record being
 * converted to it by Avro schema resolution; otherwise the record's schema must already be registered.
 *
 * <p>Thread-safe: a producer may call it from several threads at once. Registry failures are thrown as the
 * {@link SchemaRegistryException} subtypes (which are Kafka {@link SerializationException}s); Avro failures
 * as a {@link SerializationException} naming the topic and schema id. {@code null} serializes to {@code null}
 * (a tombstone).
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
    /** First byte of every message in the Confluent wire format. */
    public static final byte MAGIC_BYTE = 0;
    /** Magic byte plus the 4-byte big-endian schema id. */
    public static final int HEADER_SIZE = 5;

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegisterSchemas = true;
    private boolean useLatestVersion;

    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();
    // Per instance and per thread: encoders and output buffers are not thread-safe, but worth reusing.
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();
    private final ThreadLocal<Output> outputs = ThreadLocal.withInitial(Output::new);

    /** For Kafka: configured by {@link #configure} with at least {@code schema.registry.url}. */
    public SpecificAvroSerializer() {}

    /** For programmatic use: usable at once (value serializer, auto-registration), or configure it. */
    public SpecificAvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    void useClient(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryConfig config =
                client == null ? SchemaRegistryConfig.from(configs) : SchemaRegistryConfig.withoutUrl(configs);
        if (client == null) {
            client = new HttpSchemaRegistryClient(config);
        }
        this.isKey = isKey;
        this.autoRegisterSchemas = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("SpecificAvroSerializer is not configured: call configure() with "
                    + SchemaRegistryConfig.SCHEMA_REGISTRY_URL);
        }
        String subject = AvroSerdes.subjectName(topic, isKey);
        Schema schema = record.getSchema();
        DatumWriter<Object> writer = null;
        Object datum = record;
        int id;
        if (autoRegisterSchemas) {
            id = client.register(subject, schema);
        } else if (useLatestVersion) {
            RegisteredSchema latest = latestBySubject.get(subject);
            if (latest == null) {
                latest = client.getLatestVersion(subject);
                latestBySubject.putIfAbsent(subject, latest);
            }
            id = latest.id();
            if (!latest.schema().equals(schema)) {
                datum = convert(record, latest.schema(), topic, id);
                writer = genericWriters.computeIfAbsent(latest.schema(), GenericDatumWriter::new);
            }
        } else {
            id = lookUp(subject, schema);
        }
        try {
            if (writer == null) {
                writer = writers.computeIfAbsent(schema, SpecificDatumWriter::new);
            }
            return write(id, writer, datum);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot serialize " + schema.getFullName() + " for topic " + topic + " (schema id " + id + "): "
                            + e,
                    e);
        }
    }

    private int lookUp(String subject, Schema schema) {
        try {
            return client.getId(subject, schema);
        } catch (SchemaNotFoundException e) {
            throw new SchemaNotFoundException(
                    "Schema " + schema.getFullName() + " is not registered under subject '" + subject + "', and "
                            + SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS
                            + "=false: register it first, or enable auto-registration. " + e.getMessage(),
                    e.httpStatus(),
                    e.errorCode(),
                    e);
        }
    }

    private byte[] write(int id, DatumWriter<Object> writer, Object datum) throws IOException {
        Output out = outputs.get();
        out.reset();
        out.write(MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
        encoders.set(encoder);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArrayAndRelease();
    }

    /**
     * A buffer reused from record to record, so a record of a few KiB is copied once (into the result) instead of
     * at every doubling of a fresh 256-byte buffer; one that grew for an unusually large record is let go.
     */
    private static final class Output extends ByteArrayOutputStream {
        private static final int INITIAL_SIZE = 8 * 1024;
        private static final int MAX_RETAINED_SIZE = 1024 * 1024;

        Output() {
            super(INITIAL_SIZE);
        }

        byte[] toByteArrayAndRelease() {
            byte[] bytes = Arrays.copyOf(buf, count);
            if (buf.length > MAX_RETAINED_SIZE) {
                buf = new byte[INITIAL_SIZE];
            }
            count = 0;
            return bytes;
        }
    }

    /** Re-expresses the record in the subject's latest schema (Avro resolution: defaults, dropped fields). */
    private Object convert(T record, Schema latest, String topic, int id) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<T>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<Object>(record.getSchema(), latest)
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "The latest schema of topic " + topic + " (id " + id + ", "
                            + SchemaRegistryConfig.USE_LATEST_VERSION + "=true) cannot represent a "
                            + record.getSchema().getFullName() + ": " + e,
                    e);
        }
    }

    @Override
    public void close() {
        encoders.remove();
        outputs.remove();
    }
}
