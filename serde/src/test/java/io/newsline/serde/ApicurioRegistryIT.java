package io.newsline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.RawArticle;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client and serde against a real Apicurio Registry 3 through its Confluent-compatible API. */
@WithRealKafkaAndRegistry
@Timeout(120)
class ApicurioRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static Map<String, Object> config(ApicurioRegistry registry) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl());
        return config;
    }

    private static HttpSchemaRegistryClient client(ApicurioRegistry registry) {
        return new HttpSchemaRegistryClient(SchemaRegistryConfig.from(config(registry)));
    }

    /** A raw call, bypassing our client, to check what the registry itself holds. */
    private static HttpResponse<String> raw(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", HttpSchemaRegistryClient.CONTENT_TYPE);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registersAndRoundTrips(ApicurioRegistry registry) {
        String topic = RealInfrastructure.uniqueTopic("serde-roundtrip");
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config(registry), false);
        SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config(registry), false);

        RawArticle record = SpecificAvroSerdeTest.article("it-1");
        byte[] bytes = serializer.serialize(topic, record);
        assertThat(deserializer.deserialize(topic, bytes)).isEqualTo(record);
        assertThat(deserializer.deserialize(topic, null)).isNull();
    }

    @Test
    void idInTheWireBytesResolvesToTheSameSchema(ApicurioRegistry registry) throws Exception {
        String topic = RealInfrastructure.uniqueTopic("serde-wire");
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(config(registry), false);
        byte[] bytes = serializer.serialize(topic, SpecificAvroSerdeTest.article("it-2"));

        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        HttpResponse<String> byId = raw("GET", registry.confluentApiUrl() + "/schemas/ids/" + id, null);
        assertThat(byId.statusCode()).isEqualTo(200);
        String storedText = JSON.readTree(byId.body()).get("schema").asText();
        assertThat(new Schema.Parser().parse(storedText)).isEqualTo(RawArticle.getClassSchema());
        assertThat(storedText)
                .as("kept verbatim")
                .isEqualTo(RawArticle.getClassSchema().toString());

        RegisteredSchema latest = client(registry).getLatestVersion(topic + "-value");
        assertThat(latest.id()).isEqualTo(id);
        assertThat(latest.version()).isEqualTo(1);
        assertThat(latest.schema()).isEqualTo(RawArticle.getClassSchema());
    }

    @Test
    void lookupOnlyModeFindsRegisteredSchemasAndRejectsOthers(ApicurioRegistry registry) {
        String subject = RealInfrastructure.uniqueName("serde-lookup") + "-value";
        HttpSchemaRegistryClient client = client(registry);
        assertThatThrownBy(() -> client.getId(subject, RawArticle.getClassSchema()))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessageContaining(subject);

        int id = client.register(subject, RawArticle.getClassSchema());
        assertThat(client(registry).getId(subject, RawArticle.getClassSchema())).isEqualTo(id);
        assertThatThrownBy(() -> client(registry).getId(subject, SpecificAvroSerdeTest.rawArticleWithLanguage()))
                .isInstanceOf(SchemaNotFoundException.class);
    }

    @Test
    void unknownIdIsSchemaNotFound(ApicurioRegistry registry) {
        byte[] bytes = {0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 0};
        SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(config(registry), false);
        assertThatThrownBy(() -> deserializer.deserialize("any", bytes))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("schema id " + 0x7ffffff0);
    }

    @Test
    void incompatibleChangeIsRefusedWith409(ApicurioRegistry registry) {
        String subject = RealInfrastructure.uniqueName("serde-compat") + "-value";
        HttpSchemaRegistryClient client = client(registry);
        int v1 = client.register(subject, RawArticle.getClassSchema());
        client.updateCompatibility(subject, "BACKWARD");
        assertThat(client.getCompatibility(subject)).isEqualTo("BACKWARD");

        // BACKWARD: new readers must read old data, so a new field needs a default.
        Schema withDefault = SpecificAvroSerdeTest.rawArticleWithLanguage();
        Schema withoutDefault = new Schema.Parser().parse(withDefault.toString().replace(",\"default\":\"und\"", ""));
        assertThat(withoutDefault.getField("language").hasDefaultValue()).isFalse();

        assertThat(client.testCompatibility(subject, withoutDefault)).isFalse();
        assertThatThrownBy(() -> client.register(subject, withoutDefault))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.httpStatus())
                        .isEqualTo(409))
                .hasMessageContaining(subject);

        assertThat(client.testCompatibility(subject, withDefault)).isTrue();
        int v2 = client.register(subject, withDefault);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(client(registry).getLatestVersion(subject).version()).isEqualTo(2);
    }

    @Test
    void invalidSchemaIsRefusedWith422(ApicurioRegistry registry) {
        // Avro's own parser accepts it only with default validation off; a registry must refuse it.
        Schema badDefault = new Schema.Parser()
                .setValidateDefaults(false)
                .parse("{\"type\":\"record\",\"name\":\"Bad\",\"namespace\":\"io.newsline.test\",\"fields\":"
                        + "[{\"name\":\"n\",\"type\":\"int\",\"default\":\"not a number\"}]}");
        String subject = RealInfrastructure.uniqueName("serde-invalid") + "-value";
        assertThatThrownBy(() -> client(registry).register(subject, badDefault))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                })
                .hasMessageContaining(subject);
    }

    @Test
    void schemaTypeAvroIsOptional(ApicurioRegistry registry) throws Exception {
        // Confluent's client omits schemaType for Avro; other clients send it. Both must give the same id.
        String subject = RealInfrastructure.uniqueName("serde-type") + "-value";
        String schema = JSON.writeValueAsString(RawArticle.getClassSchema().toString());
        String url = registry.confluentApiUrl() + "/subjects/" + subject + "/versions";
        HttpResponse<String> without = raw("POST", url, "{\"schema\":" + schema + "}");
        HttpResponse<String> with = raw("POST", url, "{\"schemaType\":\"AVRO\",\"schema\":" + schema + "}");
        assertThat(without.statusCode()).isEqualTo(200);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(id(with)).isEqualTo(id(without));
        assertThat(client(registry).register(subject, RawArticle.getClassSchema()))
                .isEqualTo(id(without));
    }

    private static int id(HttpResponse<String> response) throws IOException {
        JsonNode json = JSON.readTree(response.body());
        return json.get("id").asInt();
    }

    @Test
    void deadUrlFailsOverToTheRealRegistry(ApicurioRegistry registry) throws IOException {
        Map<String, Object> config = config(registry);
        config.put(
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                FakeSchemaRegistry.deadUrl() + "," + registry.confluentApiUrl());
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(SchemaRegistryConfig.from(config));
        String subject = RealInfrastructure.uniqueName("serde-failover") + "-value";
        int id = client.register(subject, RawArticle.getClassSchema());
        assertThat(client(registry).getSchemaById(id)).isEqualTo(RawArticle.getClassSchema());
    }

    @Test
    void urlWithoutTheConfluentApiPathIsAClearError(ApicurioRegistry registry) {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(
                SchemaRegistryConfig.from(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.baseUrl())));
        assertThatThrownBy(() -> client.getSchemaById(1))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("/apis/ccompat/v7");
    }

    @Test
    void registryDownIsUnavailableWithinBoundedTime() throws IOException {
        String dead = FakeSchemaRegistry.deadUrl();
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(
                Map.of(
                        SchemaRegistryConfig.SCHEMA_REGISTRY_URL, dead,
                        SchemaRegistryConfig.RETRIES, 2,
                        SchemaRegistryConfig.RETRY_BACKOFF_MS, 50),
                false);
        long started = System.nanoTime();
        assertThatThrownBy(() -> serializer.serialize("t", SpecificAvroSerdeTest.article("down")))
                .isInstanceOf(SchemaRegistryUnavailableException.class)
                .hasMessageContaining(dead)
                .hasMessageContaining("3 round(s)")
                .hasMessageContaining("schema.registry.url");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
