package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.article.io.ArticleIds;
import io.newsline.avro.RawArticle;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The real command against a real Kafka broker and a real schema registry (Confluent API). */
@WithRealKafkaAndRegistry
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ProduceCommandIT {
    private final KafkaTestCluster kafka;
    private final ApicurioRegistry registry;
    private final ProduceCommand command = new ProduceCommand();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String topic;

    @TempDir
    Path dir;

    ProduceCommandIT(KafkaTestCluster kafka, ApicurioRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
        command.environment = new HashMap<>(); // the developer's NEWSLINE_* variables must not leak in
    }

    @BeforeEach
    void createTopic() {
        topic = RealInfrastructure.uniqueTopic("articles-raw");
        kafka.createTopic(topic, 2, Map.of());
    }

    @Test
    void publishesTheSeedsAsRawArticlesInTheConfluentWireFormat() throws Exception {
        List<Path> seeds = Seeds.files();
        Instant before = Instant.now().minusMillis(1);

        int exit = run(Seeds.dir().toString());

        assertThat(exit).as(err.toString()).isEqualTo(ProduceCommand.EXIT_OK);
        assertThat(out.toString()).contains("Published:     2 files").contains("Failed:        0");
        List<RawTopic.Read> records = RawTopic.readAll(kafka.bootstrapServers(), registry.confluentApiUrl(), topic, 2);
        assertThat(records).hasSize(seeds.size());
        Map<String, RawArticle> byName = RawTopic.byFileName(records);
        for (Path seed : seeds) {
            byte[] bytes = Files.readAllBytes(seed);
            RawArticle article = byName.get(seed.getFileName().toString());
            assertThat(article).as(seed.toString()).isNotNull();
            assertThat(article.getArticleId()).isEqualTo(ArticleIds.of(bytes));
            assertThat(article.getSourceUri()).isEqualTo(seed.toUri().toString());
            assertThat(article.getMediaType()).isEqualTo("text/plain");
            assertThat(article.getCharset()).isEqualTo("UTF-8");
            assertThat(article.getRawText()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
            assertThat(article.getSizeBytes()).isEqualTo(bytes.length);
            assertThat(article.getFileModifiedAt())
                    .isEqualTo(
                            Instant.ofEpochMilli(Files.getLastModifiedTime(seed).toMillis()));
            assertThat(article.getIngestedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
            assertThat(article.getProducerHost()).isNotBlank();
        }
        for (RawTopic.Read record : records) {
            assertThat(record.key()).isEqualTo(record.value().getArticleId());
            RawTopic.assertWireFormat(record.valueBytes(), registry.confluentApiUrl());
        }
    }

    @Test
    void publishesTheGoodFilesOfABadBatchAndReportsTheRest() throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), "Parliament passes the budget.\n");
        Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><title>Budget</title><p>Passed.</p>");
        Path latin1 = Files.write(
                dir.resolve("latin1.txt"), "Fuel up 3p to \u00a31.45\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.createFile(dir.resolve("empty.txt"));
        Files.write(dir.resolve("binary.dat"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0});
        Files.writeString(dir.resolve("huge.txt"), "y".repeat(5000));
        Files.writeString(dir.resolve("copy-of-good.txt"), "Parliament passes the budget.\n");

        int exit = run("--max-file-size", "4KiB", dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_FILES_FAILED);
        assertThat(err.toString())
                .contains("FAILED [empty] " + dir.resolve("empty.txt"))
                .contains("FAILED [binary] " + dir.resolve("binary.dat"))
                .contains("FAILED [too-large] " + dir.resolve("huge.txt"))
                .doesNotContain("SKIPPED");
        assertThat(out.toString()).contains("Published:     4 files").contains("Failed:        3 files");
        Map<String, RawArticle> published =
                RawTopic.byFileName(RawTopic.readAll(kafka.bootstrapServers(), registry.confluentApiUrl(), topic, 4));
        // Both byte-identical files are published: the streams app decides what a copy is.
        assertThat(published).containsOnlyKeys("good.txt", "copy-of-good.txt", "latin1.txt", "page.html");
        assertThat(published.get("good.txt").getArticleId())
                .isEqualTo(published.get("copy-of-good.txt").getArticleId());
        assertThat(published.get("page.html").getMediaType()).isEqualTo("text/html");
        assertThat(published.get("latin1.txt").getCharset()).isEqualTo("ISO-8859-1");
        assertThat(published.get("latin1.txt").getRawText()).isEqualTo("Fuel up 3p to £1.45\n");
        assertThat(published.get("copy-of-good.txt").getArticleId()).isEqualTo(ArticleIds.of(Files.readAllBytes(good)));
    }

    @Test
    void watchPublishesEachNewFileExactlyOnceUntilStopped() throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        AtomicReference<Integer> exit = new AtomicReference<>();
        Thread thread =
                new Thread(() -> exit.set(run("--watch", "--settle-ms", "200", inbox.toString())), "produce-watch");
        thread.start();
        assertThat(command.awaitWatching(Duration.ofSeconds(60)))
                .as(err.toString())
                .isTrue();

        ProduceCommandTest.deliver(inbox, "first.txt", "First: talks resume.\n");
        await().atMost(RawTopic.TIMEOUT).until(() -> command.summary().published() == 1);
        ProduceCommandTest.deliver(inbox, "second.txt", "Second: talks stall.\n");
        await().atMost(RawTopic.TIMEOUT).until(() -> command.summary().published() == 2);

        command.stop();
        thread.join(Duration.ofSeconds(30).toMillis());
        assertThat(thread.isAlive()).isFalse();
        assertThat(exit.get()).as(err.toString()).isEqualTo(ProduceCommand.EXIT_OK);

        List<RawTopic.Read> records = RawTopic.readAll(kafka.bootstrapServers(), registry.confluentApiUrl(), topic, 2);
        assertThat(records)
                .extracting(r -> r.value().getFileName())
                .containsExactlyInAnyOrder("first.txt", "second.txt");
        assertThat(records)
                .extracting(r -> r.value().getRawText())
                .containsExactlyInAnyOrder("First: talks resume.\n", "Second: talks stall.\n");
    }

    @Test
    void aTopicThatDoesNotExistIsAClearErrorNotAHang() {
        int exit = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--schema-registry-url",
                        registry.confluentApiUrl(),
                        "--topic",
                        RealInfrastructure.uniqueTopic("missing"),
                        "-X",
                        "max.block.ms=2000",
                        Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("error: Cannot get the partitions of topic missing-");
    }

    @Test
    void anUnreachableRegistryStopsTheRunWithAClearError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        int exit = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--schema-registry-url",
                        "http://127.0.0.1:" + closedPort,
                        "--topic",
                        topic,
                        "-X",
                        "schema.registry.retries=0",
                        Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("error: Cannot serialize records for " + topic);
        assertThat(out.toString()).contains("Not read:      1 file");
    }

    private int run(String... args) {
        String[] all = new String[args.length + 7];
        all[0] = "--bootstrap-servers";
        all[1] = kafka.bootstrapServers();
        all[2] = "--schema-registry-url";
        all[3] = registry.confluentApiUrl();
        all[4] = "--topic";
        all[5] = topic;
        all[6] = "--no-progress";
        System.arraycopy(args, 0, all, 7, args.length);
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all);
    }
}
