package io.newsline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Confluent API behaviours Newsline relies on, against the real Apicurio Registry. */
@WithRealKafkaAndRegistry
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ApicurioRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private static final String V1 =
            """
            {"type":"record","name":"Article","namespace":"io.newsline.test",
             "fields":[{"name":"id","type":"string"}]}""";
    /** A new field without a default: readers of V2 cannot read V1 data, so not BACKWARD compatible. */
    private static final String V2_INCOMPATIBLE =
            """
            {"type":"record","name":"Article","namespace":"io.newsline.test",
             "fields":[{"name":"id","type":"string"},{"name":"title","type":"string"}]}""";
    /** The same field with a default is BACKWARD compatible. */
    private static final String V2_COMPATIBLE =
            """
            {"type":"record","name":"Article","namespace":"io.newsline.test",
             "fields":[{"name":"id","type":"string"},{"name":"title","type":"string","default":""}]}""";

    private final String api;

    ApicurioRegistryIT(ApicurioRegistry registry) {
        this.api = registry.confluentApiUrl();
    }

    @Test
    void aRegisteredSchemaCanBeReadBackByItsId() throws Exception {
        String subject = RealInfrastructure.uniqueName("articles-value");

        HttpResponse<String> registered = post("/subjects/" + subject + "/versions", Map.of("schema", V1));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").asInt();

        HttpResponse<String> byId = get("/schemas/ids/" + id);
        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(200);
        assertThat(JSON.readTree(JSON.readTree(byId.body()).get("schema").asText()))
                .isEqualTo(JSON.readTree(V1));

        JsonNode latest =
                JSON.readTree(get("/subjects/" + subject + "/versions/latest").body());
        assertThat(latest.get("id").asInt()).isEqualTo(id);
        assertThat(latest.get("version").asInt()).isEqualTo(1);

        // The same schema under another subject keeps its id, as with Confluent.
        HttpResponse<String> again =
                post("/subjects/" + RealInfrastructure.uniqueName("other-value") + "/versions", Map.of("schema", V1));
        assertThat(JSON.readTree(again.body()).get("id").asInt()).isEqualTo(id);
    }

    @Test
    void theDefaultCompatibilityLevelIsBackwardLikeConfluents() throws Exception {
        HttpResponse<String> config = get("/config");

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(config.body()).get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
    }

    @Test
    void anIncompatibleChangeIsRejectedWith409UnderBackwardCompatibility() throws Exception {
        String subject = RealInfrastructure.uniqueName("articles-value");
        assertThat(post("/subjects/" + subject + "/versions", Map.of("schema", V1))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> set = put("/config/" + subject, Map.of("compatibility", "BACKWARD"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(JSON.readTree(get("/config/" + subject).body())
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD");

        HttpResponse<String> check =
                post("/compatibility/subjects/" + subject + "/versions/latest", Map.of("schema", V2_INCOMPATIBLE));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(JSON.readTree(check.body()).get("is_compatible").asBoolean()).isFalse();

        HttpResponse<String> rejected = post("/subjects/" + subject + "/versions", Map.of("schema", V2_INCOMPATIBLE));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(409);

        HttpResponse<String> compatible =
                post("/compatibility/subjects/" + subject + "/versions/latest", Map.of("schema", V2_COMPATIBLE));
        assertThat(JSON.readTree(compatible.body()).get("is_compatible").asBoolean())
                .isTrue();
        HttpResponse<String> accepted = post("/subjects/" + subject + "/versions", Map.of("schema", V2_COMPATIBLE));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    }

    @Test
    void anInvalidSchemaIsRejectedWith422() throws Exception {
        HttpResponse<String> rejected = post(
                "/subjects/" + RealInfrastructure.uniqueName("broken-value") + "/versions",
                Map.of("schema", "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":[{\"name\":\"x\"}]}"));

        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
        assertThat(JSON.readTree(rejected.body()).get("error_code").asInt()).isEqualTo(42201);
    }

    @Test
    void aRegistryOfItsOwnStartsEmptyAndStopsCompletely() throws Exception {
        String baseUrl;
        long pid;
        try (ApicurioRegistry own = ApicurioRegistry.start()) {
            baseUrl = own.baseUrl();
            pid = own.pid();
            assertThat(own.confluentApiUrl()).isNotEqualTo(api).startsWith("http://127.0.0.1:");
            HttpResponse<String> subjects =
                    send(HttpRequest.newBuilder(URI.create(own.confluentApiUrl() + "/subjects")));
            assertThat(JSON.readTree(subjects.body())).isEmpty();
            assertThat(own.logFile()).isRegularFile();
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThatThrownBy(() -> send(HttpRequest.newBuilder(URI.create(baseUrl + "/apis/ccompat/v7/subjects"))))
                .isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path)));
    }

    private HttpResponse<String> post(String path, Map<String, String> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> put(String path, Map<String, String> body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
