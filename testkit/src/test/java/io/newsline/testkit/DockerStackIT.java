package io.newsline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Runs only where Docker is; skipped (not failed) elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@Tag("docker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DockerStackIT {
    @Container
    static final DockerStack STACK = new DockerStack();

    @Test
    void kafkaAndTheSchemaRegistryAnswer() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", STACK.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("docker-stack", 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("docker-stack");
        }

        HttpResponse<String> subjects = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(STACK.schemaRegistryUrl() + "/subjects"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(subjects.statusCode()).isEqualTo(200);
    }
}
