package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.io.ArticleIds;
import io.newsline.testkit.DockerStack;
import io.newsline.testkit.RealInfrastructure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import picocli.CommandLine;

/** The seeds round trip against Kafka and Confluent's Schema Registry in Docker; skipped without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProduceCommandDockerIT {
    @Container
    static final DockerStack stack = new DockerStack();

    @Test
    void publishesTheSeedsToConfluentSchemaRegistry() throws Exception {
        String topic = RealInfrastructure.uniqueTopic("articles-raw-docker");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        ProduceCommand command = new ProduceCommand();
        command.environment = new HashMap<>();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(command)
                .setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true))
                .execute(
                        "--bootstrap-servers",
                        stack.bootstrapServers(),
                        "--schema-registry-url",
                        stack.schemaRegistryUrl(),
                        "--topic",
                        topic,
                        Seeds.dir().toString());

        assertThat(exit).as(err.toString()).isEqualTo(ProduceCommand.EXIT_OK);
        List<RawTopic.Read> records = RawTopic.readAll(stack.bootstrapServers(), stack.schemaRegistryUrl(), topic, 2);
        List<Path> seeds = Seeds.files();
        assertThat(records).hasSize(seeds.size());
        for (Path seed : seeds) {
            assertThat(records).extracting(RawTopic.Read::key).contains(ArticleIds.of(Files.readAllBytes(seed)));
        }
        for (RawTopic.Read record : records) {
            RawTopic.assertWireFormat(record.valueBytes(), stack.schemaRegistryUrl());
        }
    }
}
