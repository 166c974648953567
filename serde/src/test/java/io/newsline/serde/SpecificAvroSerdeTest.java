package io.newsline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SpecificAvroSerdeTest {
    /** First id the fake hands out: every byte distinct, so byte order mistakes show. */
    private static final int FIRST_ID = 0x01020304;

    private FakeSchemaRegistry registry;

    @BeforeEach
    void start() throws IOException {
        registry = new FakeSchemaRegistry(FIRST_ID);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setSourceUri("file:///data/" + id + ".txt")
                .setFileName(id + ".txt")
                .setMediaType("text/plain")
                .setCharset("UTF-8")
                .setRawText("Héllo wörld — " + id)
                .setSizeBytes(42L)
                .setFileModifiedAt(Instant.ofEpochMilli(1_700_000_000_123L))
                .setIngestedAt(Instant.ofEpochMilli(1_700_000_100_456L))
                .setProducerHost("host-1")
                .build();
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.url());
        config.put(SchemaRegistryConfig.RETRIES, 0);
        return config;
    }

    private SpecificAvroSerializer<RawArticle> serializer(Map<String, Object> config) {
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config, false);
        return serializer;
    }

    private SpecificAvroDeserializer<RawArticle> deserializer() {
        SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config(), false);
        return deserializer;
    }

    private static byte[] avroBinary(RawArticle record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(RawArticle.class).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    @Test
    void wireBytesAreMagicByteBigEndianIdThenPlainAvroBinary() throws IOException {
        RawArticle record = article("a1");
        byte[] bytes = serializer(config()).serialize("news.raw", record);

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(record));
        // What was registered is the record's own schema text, under TopicNameStrategy's subject.
        assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/news.raw-value/versions");
        assertThat(registry.requests().get(0).contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(registry.lastBody().get("schema").asText())
                .isEqualTo(RawArticle.getClassSchema().toString());
        assertThat(registry.lastBody().has("schemaType"))
                .as("Confluent omits it for Avro")
                .isFalse();
    }

    @Test
    void keySerializerUsesTheKeySubject() {
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config(), true);
        serializer.serialize("news.raw", article("k"));
        assertThat(registry.requests().get(0).path()).isEqualTo("/subjects/news.raw-key/versions");
    }

    @Test
    void roundTripKeepsEveryFieldIncludingLogicalTypesAndNulls() {
        RawArticle full = article("a2");
        RawArticle withNull =
                RawArticle.newBuilder(full).setFileModifiedAt(null).build();
        SpecificAvroSerializer<RawArticle> serializer = serializer(config());
        SpecificAvroDeserializer<RawArticle> deserializer = deserializer();

        assertThat(deserializer.deserialize("news.raw", serializer.serialize("news.raw", full)))
                .isEqualTo(full);
        assertThat(deserializer.deserialize("news.raw", serializer.serialize("news.raw", withNull)))
                .isEqualTo(withNull);
    }

    @Test
    void registryIsCalledOncePerSchemaAndOncePerId() {
        SpecificAvroSerializer<RawArticle> serializer = serializer(config());
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(serializer.serialize("news.raw", article("n" + i)));
        }
        assertThat(registry.count("POST", "/subjects/")).isEqualTo(1);

        SpecificAvroDeserializer<RawArticle> deserializer = deserializer();
        messages.forEach(m -> deserializer.deserialize("news.raw", m));
        assertThat(registry.count("GET", "/schemas/ids/")).isEqualTo(1);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void serializerAndDeserializerAreSafeAcrossThreads() throws Exception {
        SpecificAvroSerializer<RawArticle> serializer = serializer(config());
        SpecificAvroDeserializer<RawArticle> deserializer = deserializer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        RawArticle record = article("t" + thread + "-" + i);
                        if (!deserializer
                                .deserialize("news.raw", serializer.serialize("news.raw", record))
                                .equals(record)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        // Concurrent first misses may each ask once; never once per record.
        assertThat(registry.count("POST", "/subjects/")).isBetween(1L, 4L);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serializer(config()).serialize("news.raw", null)).isNull();
        assertThat(deserializer().deserialize("news.raw", null)).isNull();
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void wrongMagicByteIsUnknownMagicByteException() {
        byte[] bytes = serializer(config()).serialize("news.raw", article("m"));
        bytes[0] = 1;
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", bytes))
                .isInstanceOf(UnknownMagicByteException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 1")
                .hasMessageContaining("news.raw");
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", "plain text".getBytes()))
                .isInstanceOf(UnknownMagicByteException.class);
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", new byte[0]))
                .isInstanceOf(UnknownMagicByteException.class);
    }

    @Test
    void truncatedHeaderOrBodyIsASerializationException() {
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", new byte[] {0, 0, 0}))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("too short");
        byte[] bytes = serializer(config()).serialize("news.raw", article("cut"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 10);
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", cut))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id " + FIRST_ID);
    }

    @Test
    void unknownIdIsSchemaNotFound() {
        byte[] bytes = {0, 0, 0, 0, 99, 2, 'x'};
        assertThatThrownBy(() -> deserializer().deserialize("news.raw", bytes))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("40403");
    }

    /** A writer schema with one more field and one field less than RawArticle: resolution fills the gap. */
    @Test
    void readsDataWrittenWithAnotherCompatibleSchema() throws IOException {
        Schema reader = RawArticle.getClassSchema();
        SchemaBuilder.FieldAssembler<Schema> fields =
                SchemaBuilder.record("RawArticle").namespace("io.newsline.avro").fields();
        for (Schema.Field f : reader.getFields()) {
            if (!f.name().equals("fileModifiedAt")) {
                fields = fields.name(f.name()).type(f.schema()).noDefault();
            }
        }
        Schema writer = fields.name("wordCount").type().intType().noDefault().endRecord();
        int id = registry.register("news.raw-value", writer.toString());

        GenericRecord old = new GenericData.Record(writer);
        RawArticle expected =
                RawArticle.newBuilder(article("old")).setFileModifiedAt(null).build();
        for (Schema.Field f : reader.getFields()) {
            Object value = expected.get(f.name());
            if (value instanceof Instant instant) {
                value = instant.toEpochMilli();
            }
            if (!f.name().equals("fileModifiedAt")) {
                old.put(f.name(), value);
            }
        }
        old.put("wordCount", 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(old, encoder);
        encoder.flush();

        assertThat(deserializer().deserialize("news.raw", out.toByteArray())).isEqualTo(expected);
    }

    @Test
    void writerSchemaWithoutGeneratedClassIsAClearError() {
        Schema unknown = SchemaBuilder.record("Nope")
                .namespace("io.example")
                .fields()
                .requiredString("x")
                .endRecord();
        int id = registry.register("other-value", unknown.toString());
        byte[] bytes = {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id, 2, 'x'};
        assertThatThrownBy(() -> deserializer().deserialize("other", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("io.example.Nope");
    }

    @Test
    void withoutAutoRegisterTheSchemaIsLookedUpAndMustExist() {
        Map<String, Object> config = config();
        config.put(SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS, "false");
        SpecificAvroSerializer<RawArticle> serializer = serializer(config);

        assertThatThrownBy(() -> serializer.serialize("news.raw", article("x")))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining("not registered under subject 'news.raw-value'")
                .hasMessageContaining("auto.register.schemas=false");

        int id = registry.register("news.raw-value", RawArticle.getClassSchema().toString());
        byte[] bytes = serializer.serialize("news.raw", article("x"));
        assertThat(bytes[4]).isEqualTo((byte) id);
        assertThat(registry.count("POST", "/subjects/news.raw-value/versions")).isZero();
        assertThat(registry.count("POST", "/subjects/news.raw-value")).isEqualTo(2);
    }

    /** RawArticle's schema plus a string field {@code language} defaulting to {@code "und"}. */
    static Schema rawArticleWithLanguage() {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : RawArticle.getClassSchema().getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.add(new Schema.Field("language", Schema.create(Schema.Type.STRING), "ISO 639 code", "und"));
        return Schema.createRecord("RawArticle", null, "io.newsline.avro", false, fields);
    }

    @Test
    void useLatestVersionWritesWithTheLatestSchemaAndItsId() throws IOException {
        Schema latest = rawArticleWithLanguage();
        registry.register("news.raw-value", RawArticle.getClassSchema().toString());
        int latestId = registry.register("news.raw-value", latest.toString());

        Map<String, Object> config = config();
        config.put(SchemaRegistryConfig.AUTO_REGISTER_SCHEMAS, false);
        config.put(SchemaRegistryConfig.USE_LATEST_VERSION, true);
        SpecificAvroSerializer<RawArticle> serializer = serializer(config);
        byte[] bytes = serializer.serialize("news.raw", article("l"));
        serializer.serialize("news.raw", article("l2"));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        assertThat(registry.count("GET", "/subjects/news.raw-value/versions/latest"))
                .isEqualTo(1);
        GenericRecord asLatest = new GenericDatumReader<GenericRecord>(latest)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(asLatest.get("language")).hasToString("und");
        assertThat(deserializer().deserialize("news.raw", bytes)).isEqualTo(article("l"));
    }

    @Test
    void programmaticSerdeNeedsNoConfiguration() {
        HttpSchemaRegistryClient client =
                new HttpSchemaRegistryClient(SchemaRegistryConfig.from(Map.of("schema.registry.url", registry.url())));
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>(RawArticle.class, client);
        RawArticle record = article("p");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", record)))
                .isEqualTo(record);
        serde.close();
    }

    @Test
    void serdeConfiguredByKafkaSharesOneClient() {
        SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>();
        serde.configure(config(), false);
        RawArticle record = article("s");
        byte[] bytes = serde.serializer().serialize("t", record);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(record);
        // The id learnt when registering serves the deserializer: no GET /schemas/ids.
        assertThat(registry.count("GET", "/schemas/ids/")).isZero();
    }

    @Test
    void avroSerdesInstantiatesTheConfiguredClass() {
        Serde<RawArticle> serde = AvroSerdes.serde(RawArticle.class, config(), false);
        assertThat(serde).isExactlyInstanceOf(SpecificAvroSerde.class);
        RawArticle record = article("f");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", record)))
                .isEqualTo(record);

        Map<String, Object> config = config();
        config.put(AvroSerdes.SERDE_CLASS_CONFIG, SpecificAvroSerde.class.getName());
        assertThat(AvroSerdes.serde(RawArticle.class, config, true)).isExactlyInstanceOf(SpecificAvroSerde.class);
    }

    @Test
    void avroSerdesRejectsBadClassNamesClearly() {
        Map<String, Object> config = config();
        config.put(AvroSerdes.SERDE_CLASS_CONFIG, AvroSerdes.CONFLUENT_SERDE_CLASS);
        assertThatThrownBy(() -> AvroSerdes.serde(RawArticle.class, config, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("newsline.avro.serde")
                .hasMessageContaining("kafka-streams-avro-serde");
        config.put(AvroSerdes.SERDE_CLASS_CONFIG, String.class.getName());
        assertThatThrownBy(() -> AvroSerdes.serde(RawArticle.class, config, false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a org.apache.kafka.common.serialization.Serde");
    }

    @Test
    void missingUrlIsAClearConfigError() {
        assertThatThrownBy(() -> new SpecificAvroSerializer<RawArticle>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new SpecificAvroDeserializer<RawArticle>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> new SpecificAvroSerializer<RawArticle>().serialize("t", article("u")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void registryErrorsSurfaceUnwrappedFromTheSerializer() {
        registry.answerAlways(409, FakeSchemaRegistry.errorBody(409, "Schema being registered is incompatible"));
        assertThatThrownBy(() -> serializer(config()).serialize("news.raw", article("i")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("news.raw-value");
    }
}
