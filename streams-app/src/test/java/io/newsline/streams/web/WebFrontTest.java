package io.newsline.streams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.streams.StreamsAppConfig;
import io.newsline.streams.metrics.PipelineMetrics;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP front before Kafka Streams is attached (as while it starts): the API answers 503 with Retry-After and a
 * reason, the readiness probe is down and the liveness probe up, the page and the OpenAPI file are served, only GET
 * and HEAD are allowed, nothing outside the page's files is reachable, and the address it bound is this instance's
 * {@code application.server}.
 */
class WebFrontTest {
    private WebFront front;
    private URI url;

    @BeforeEach
    void open() {
        front = WebFront.open(HttpSettings.parse(true, "127.0.0.1:0"), Map.of());
        url = front.url().orElseThrow();
    }

    @AfterEach
    void close() {
        front.close();
    }

    @Test
    void theApiAnswers503WithRetryAfterUntilKafkaStreamsIsAttached() {
        for (String path : new String[] {"/api/topics?q=gaza", "/api/topics/gaza", "/api/articles/abc"}) {
            Http.Answer answer = Http.get(url, path);
            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as(path).isEqualTo("2");
            assertThat((String) answer.json().get("error")).as(path).contains("starting");
        }
        assertThat(Http.get(url, "/health/ready").status()).isEqualTo(503);
        assertThat(Http.get(url, "/health/live").json()).containsEntry("status", "UP");
    }

    @Test
    void inputIsValidatedBeforeAnythingIsLookedUp() {
        Http.Answer answer = Http.get(url, "/api/topics?limit=1000");
        assertThat(answer.status()).isEqualTo(400);
        assertThat((String) answer.json().get("error")).isEqualTo("limit must be from 1 to 50: 1000");
    }

    @Test
    void thePageAndTheOpenApiFileAreServedAndNothingElse() {
        Http.Answer page = Http.get(url, "/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("<label for=\"search\">Search topics</label>");
        assertThat(Http.get(url, "/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(Http.get(url, "/openapi.yaml").body()).contains("openapi: 3.");
        assertThat(Http.get(url, "/../pom.xml").status()).isEqualTo(404);
        assertThat(Http.get(url, "/%2e%2e/logback-test.xml").status()).isEqualTo(404);
        assertThat(Http.get(url, "/metrics").body()).contains("newsline_articles_in_total");
    }

    @Test
    void onlyGetAndHeadAreAllowed() {
        assertThat(Http.send("HEAD", url, "/").status()).isEqualTo(200);
        Http.Answer post = Http.send("POST", url, "/api/topics");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(Http.send("PUT", url, "/").status()).isEqualTo(405);
    }

    @Test
    void theBoundAddressIsThisInstancesApplicationServer() {
        Properties properties = new Properties();
        front.configure(properties);
        assertThat(properties.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))
                .isEqualTo("127.0.0.1:" + url.getPort());
        assertThat(properties.get(PipelineMetrics.CONFIG)).isInstanceOf(PipelineMetrics.class);
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void badListenSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(HttpSettings.LISTEN, "8080")))
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> StreamsAppConfig.of(Map.of(HttpSettings.LISTEN, "127.0.0.1:99999")))
                .hasMessageContaining("0-65535");
        assertThat(StreamsAppConfig.of(Map.of()).httpSettings()).isEqualTo(new HttpSettings(true, "127.0.0.1", 0));
        assertThat(StreamsAppConfig.of(Map.of(HttpSettings.ENABLED, "false"))
                        .httpSettings()
                        .enabled())
                .isFalse();
    }
}
