package io.newsline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.avro.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpSchemaRegistryClientTest {
    private static final Schema SCHEMA = RawArticle.getClassSchema();

    private FakeSchemaRegistry registry;
    private final List<Long> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        registry = new FakeSchemaRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private HttpSchemaRegistryClient client(String urls, Object... keyValues) {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, urls);
        config.put(SchemaRegistryConfig.RETRY_BACKOFF_MS, 100);
        config.put(SchemaRegistryConfig.CONNECT_TIMEOUT_MS, 2_000);
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put((String) keyValues[i], keyValues[i + 1]);
        }
        // Records the backoff instead of waiting: the test checks the schedule, not the clock.
        return new HttpSchemaRegistryClient(SchemaRegistryConfig.from(config), sleeps::add);
    }

    @Test
    void registersLooksUpAndFetchesWithCaching() {
        HttpSchemaRegistryClient client = client(registry.url());
        int id = client.register("s-value", SCHEMA);
        assertThat(client.register("s-value", SCHEMA)).isEqualTo(id);
        assertThat(client.getId("s-value", SCHEMA)).isEqualTo(id);
        assertThat(client.getSchemaById(id)).isEqualTo(SCHEMA);
        assertThat(registry.requests()).hasSize(1);

        HttpSchemaRegistryClient fresh = client(registry.url());
        assertThat(fresh.getSchemaById(id)).isEqualTo(SCHEMA);
        assertThat(fresh.getSchemaById(id)).isEqualTo(SCHEMA);
        assertThat(fresh.getId("s-value", SCHEMA)).isEqualTo(id);
        assertThat(registry.count("GET", "/schemas/ids/" + id)).isEqualTo(1);
        assertThat(registry.count("POST", "/subjects/s-value")).isEqualTo(2);
    }

    @Test
    void latestVersionCompatibilityAndConfig() throws IOException {
        HttpSchemaRegistryClient client = client(registry.url());
        int id = client.register("s-value", SCHEMA);
        assertThat(client.getLatestVersion("s-value")).isEqualTo(new RegisteredSchema("s-value", 1, id, SCHEMA));
        assertThat(client.testCompatibility("s-value", SCHEMA)).isTrue();
        client.updateCompatibility("s-value", "FULL");
        assertThat(registry.lastBody().get("compatibility").asText()).isEqualTo("FULL");
        assertThat(client.getCompatibility("s-value")).isEqualTo("FULL");
    }

    @Test
    void failsOverToTheNextUrlAndThenPrefersIt() throws IOException {
        HttpSchemaRegistryClient client = client(FakeSchemaRegistry.deadUrl() + "," + registry.url());
        int id = client.register("s-value", SCHEMA);
        assertThat(client.getSchemaById(id)).isEqualTo(SCHEMA); // cached, no call
        assertThatThrownBy(() -> client.getSchemaById(999)).isInstanceOf(SchemaNotFoundException.class);
        assertThat(registry.requests()).hasSize(2);
        assertThat(sleeps).as("failover within a round needs no backoff").isEmpty();
    }

    @Test
    void failsOverOn5xxToo() throws IOException {
        try (FakeSchemaRegistry broken = new FakeSchemaRegistry()) {
            broken.answerAlways(503, "Service Unavailable");
            HttpSchemaRegistryClient client = client(broken.url() + "," + registry.url());
            client.register("s-value", SCHEMA);
            assertThat(broken.requests()).hasSize(1);
            assertThat(registry.requests()).hasSize(1);
        }
    }

    @Test
    void retriesAreBoundedWithExponentialBackoff() {
        registry.answerAlways(500, FakeSchemaRegistry.errorBody(50001, "Error in the backend data store"));
        HttpSchemaRegistryClient client = client(registry.url(), SchemaRegistryConfig.RETRIES, 3);
        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errorCode()).isEqualTo(50001);
                })
                .hasMessageContaining(registry.url())
                .hasMessageContaining("schema.registry.url");
        assertThat(registry.requests()).hasSize(4);
        assertThat(sleeps).containsExactly(100L, 200L, 400L);
    }

    @Test
    void backoffIsCappedAtTenSeconds() {
        registry.answerAlways(503, "");
        HttpSchemaRegistryClient client =
                client(registry.url(), SchemaRegistryConfig.RETRIES, 4, SchemaRegistryConfig.RETRY_BACKOFF_MS, 4_000);
        assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(SchemaRegistryUnavailableException.class);
        assertThat(sleeps).containsExactly(4_000L, 8_000L, 10_000L, 10_000L);
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() {
        registry.answerOnce(429, "").answerOnce(429, "");
        int id = client(registry.url()).register("s-value", SCHEMA);
        assertThat(id).isEqualTo(1);
        assertThat(registry.requests()).hasSize(3);
        assertThat(sleeps).containsExactly(100L, 200L);
    }

    @Test
    void nothingListeningIsUnavailableNamingEveryUrl() throws IOException {
        String dead1 = FakeSchemaRegistry.deadUrl();
        String dead2 = FakeSchemaRegistry.deadUrl();
        HttpSchemaRegistryClient client = client(dead1 + "," + dead2, SchemaRegistryConfig.RETRIES, 1);
        assertThatThrownBy(() -> client.getSchemaById(7))
                .isInstanceOfSatisfying(SchemaRegistryUnavailableException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NONE);
                    assertThat(e.getCause()).isInstanceOf(IOException.class);
                })
                .hasMessageContaining(dead1)
                .hasMessageContaining(dead2)
                .hasMessageContaining("fetching schema id 7")
                .hasMessageContaining("registry is running");
        assertThat(sleeps).containsExactly(100L);
    }

    @Test
    void clientErrorsAreNotRetried() {
        registry.answerAlways(404, FakeSchemaRegistry.errorBody(40403, "Schema 5 not found"));
        assertThatThrownBy(() -> client(registry.url()).getSchemaById(5))
                .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                })
                .hasMessageContaining("schema id 5")
                .hasMessageContaining("error_code 40403")
                .hasMessageContaining("GET " + registry.url() + "/schemas/ids/5");
        assertThat(registry.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void everyErrorStatusMapsToItsType() {
        HttpSchemaRegistryClient client = client(registry.url());
        registry.answerOnce(409, FakeSchemaRegistry.errorBody(409, "Schema being registered is incompatible"));
        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(409))
                .hasMessageContaining("subject 's-value'");

        registry.answerOnce(422, FakeSchemaRegistry.errorBody(42201, "Invalid schema"));
        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(42201));

        registry.answerOnce(422, FakeSchemaRegistry.errorBody(42203, "Invalid compatibility level"));
        assertThatThrownBy(() -> client.updateCompatibility("s-value", "SIDEWAYS"))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("42203");

        registry.answerOnce(404, FakeSchemaRegistry.errorBody(40401, "Subject 's-value' not found."));
        assertThatThrownBy(() -> client.getId("s-value", SCHEMA)).isInstanceOf(SchemaNotFoundException.class);

        registry.answerOnce(404, "{\"detail\":\"RESTEASY003210: Could not find resource\",\"status\":404}");
        assertThatThrownBy(() -> client.getSchemaById(2))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("/apis/ccompat/v7");

        registry.answerOnce(401, "Unauthorized");
        assertThatThrownBy(() -> client.getLatestVersion("s-value"))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 401: Unauthorized")
                .hasMessageContaining("basic.auth.user.info");

        registry.answerOnce(200, "not json");
        assertThatThrownBy(() -> client.testCompatibility("s-value", SCHEMA))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("Unexpected answer");

        registry.answerOnce(200, "{\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");
        assertThatThrownBy(() -> client.getSchemaById(3))
                .isExactlyInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema id 3 is not a valid Avro schema");

        registry.answerOnce(200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        assertThatThrownBy(() -> client.getSchemaById(4)).hasMessageContaining("PROTOBUF schema, not Avro");
    }

    @Test
    void basicAuthFromUserInfo() {
        client(
                        registry.url(),
                        SchemaRegistryConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "USER_INFO",
                        SchemaRegistryConfig.BASIC_AUTH_USER_INFO,
                        "alice:s3cr+t:x")
                .register("s-value", SCHEMA);
        assertThat(registry.requests().get(0).authorization()).isEqualTo(basic("alice:s3cr+t:x"));
    }

    @Test
    void basicAuthFromTheUrlWhichIsNotShownInMessages() {
        String url = registry.url().replace("http://", "http://bob:p%40ss+word@");
        HttpSchemaRegistryClient client = client(url);
        client.register("s-value", SCHEMA);
        assertThat(registry.requests().get(0).authorization()).isEqualTo(basic("bob:p@ss+word"));

        registry.answerAlways(503, "");
        assertThatThrownBy(() -> client.getSchemaById(77))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("bob").doesNotContain("word"));
    }

    @Test
    void noCredentialsNoHeader() {
        client(registry.url(), SchemaRegistryConfig.BASIC_AUTH_USER_INFO, "ignored:because-source-is-URL")
                .register("s-value", SCHEMA);
        assertThat(registry.requests().get(0).authorization()).isNull();
    }

    @Test
    void subjectsAreEncodedInThePath() {
        client(registry.url()).getCompatibility("a b/c");
        assertThat(registry.requests().get(0).path()).isEqualTo("/config/a%20b%2Fc?defaultToGlobal=true");
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
