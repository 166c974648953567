package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.article.io.ArticleIds;
import io.newsline.avro.RawArticle;
import io.newsline.producer.read.FailureReason;
import io.newsline.serde.SchemaRegistryConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command end to end, with Kafka's MockProducer in place of a broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProduceCommandTest {
    private static final String[] CONNECTION = {
        "--bootstrap-servers", "broker:9092", "--schema-registry-url", "http://registry:8081"
    };

    @TempDir
    Path dir;

    private final ProduceCommand command = new ProduceCommand();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Map<String, Object>> producerConfig = new AtomicReference<>();
    private MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();

    ProduceCommandTest() {
        command.environment = new HashMap<>();
        command.producerFactory = config -> {
            producerConfig.set(config);
            return producer;
        };
    }

    @Test
    void publishesTheSeedsKeyedBySha256AndPrintsASummary() throws IOException {
        List<Path> seeds = Seeds.files();
        assertThat(seeds).hasSize(2);

        int exit = run(CONNECTION, Seeds.dir().toString());

        assertThat(exit).as(err.toString()).isEqualTo(ProduceCommand.EXIT_OK);
        List<String> expectedKeys = new ArrayList<>();
        for (Path seed : seeds) {
            expectedKeys.add(ArticleIds.of(Files.readAllBytes(seed)));
        }
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactlyElementsOf(expectedKeys);
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo("news.articles.raw");
            assertThat(record.value().getArticleId()).isEqualTo(record.key());
            assertThat(record.value().getMediaType()).isEqualTo("text/plain");
            assertThat(record.value().getCharset()).isEqualTo("UTF-8");
        });
        assertThat(out.toString())
                .contains("Published:     2 files, 5.8 KiB to news.articles.raw (text/plain 2; UTF-8 2)")
                .contains("Failed:        0");
        assertThat(err.toString()).isEmpty();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void dryRunSendsNothingAndNeedsNoBroker() {
        command.producerFactory = config -> {
            throw new AssertionError("a dry run must not create a producer");
        };

        int exit = run("--dry-run", Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_OK);
        assertThat(out.toString()).contains("Would publish: 2 files").contains("dry run, nothing sent");
    }

    @Test
    void badFilesAreReportedAndCountedWhileGoodOnesArePublished() throws IOException {
        Path good = Files.writeString(dir.resolve("good.txt"), "A good story");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Costs \u00a33".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {'a', 0, 'b'});
        Path noise =
                Files.write(dir.resolve("noise.txt"), new byte[] {(byte) 0xF5, (byte) 0xC8, (byte) 0xFE, (byte) 0xD1});
        Path big = Files.writeString(dir.resolve("big.txt"), "x".repeat(2048));
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("gone"));

        int exit = run(CONNECTION, "--max-file-size", "1KiB", dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_FILES_FAILED);
        assertThat(producer.history())
                .extracting(record -> record.value().getFileName())
                .containsExactlyInAnyOrder("good.txt", "latin1.txt");
        assertThat(err.toString())
                .contains("FAILED [empty] " + empty)
                .contains("FAILED [binary] " + binary)
                .contains("FAILED [undecodable] " + noise)
                .contains("FAILED [too-large] " + big)
                .contains("FAILED [unreadable] " + dangling)
                .doesNotContain(good.toString())
                .doesNotContain(latin1.toString());
        assertThat(command.summary().failures())
                .containsEntry(FailureReason.EMPTY, 1L)
                .containsEntry(FailureReason.BINARY, 1L)
                .containsEntry(FailureReason.UNDECODABLE, 1L)
                .containsEntry(FailureReason.TOO_LARGE, 1L)
                .containsEntry(FailureReason.UNREADABLE, 1L);
        assertThat(out.toString())
                .contains("Published:     2 files")
                .contains("Failed:        5 files (unreadable 1, empty 1, too-large 1, binary 1, undecodable 1)");
    }

    @Test
    void aSendRejectedByTheBrokerIsAFailedFile() throws IOException {
        producer = new MockProducer<>(false, null, new StringSerializer(), TestProducers.VALUE_SERIALIZER) {
            @Override
            public synchronized Future<RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, Callback callback) {
                Future<RecordMetadata> future = super.send(record, callback);
                errorNext(new NotEnoughReplicasException("fewer in-sync replicas than required"));
                return future;
            }
        };
        Path file = Files.writeString(dir.resolve("a.txt"), "Story");

        int exit = run(CONNECTION, file.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_FILES_FAILED);
        assertThat(err.toString())
                .contains("FAILED [send-failed] " + file + ": NotEnoughReplicasException: fewer in-sync replicas");
        assertThat(out.toString()).contains("Failed:        1 file (send-failed 1)");
    }

    @Test
    void anUnreachableRegistryStopsTheRunAtTheFirstFile() throws IOException {
        producer.sendException = new SerializationException("Error registering the schema: Connection refused");
        Files.writeString(dir.resolve("a.txt"), "A");
        Files.writeString(dir.resolve("b.txt"), "B");

        int exit = run(CONNECTION, dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString())
                .contains("error: Cannot serialize records for news.articles.raw")
                .contains("Connection refused");
        assertThat(command.summary().failed(FailureReason.SEND_FAILED)).isEqualTo(1);
        assertThat(command.summary().notRead()).isEqualTo(1);
    }

    @Test
    void aMissingTopicOrUnreachableBrokerIsAClearErrorBeforeReadingFiles() {
        producer.partitionsForException =
                new TimeoutException("Topic news.articles.raw not present in metadata after 30000 ms.");

        int exit = run(CONNECTION, Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("error: Cannot get the partitions of topic news.articles.raw");
        assertThat(producer.history()).isEmpty();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void missingBootstrapServersSaysWhichOptionOrVariableToSet() {
        int exit = run("--schema-registry-url", "http://r:8081", Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString())
                .contains("bootstrap.servers")
                .contains("--bootstrap-servers")
                .contains("NEWSLINE_BOOTSTRAP_SERVERS")
                .contains("--producer-config");
        assertThat(producerConfig.get()).isNull();
    }

    @Test
    void missingRegistryUrlSaysWhichOptionOrVariableToSet() {
        int exit = run("--bootstrap-servers", "b:9092", Seeds.dir().toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_ERROR);
        assertThat(err.toString()).contains("--schema-registry-url").contains("NEWSLINE_SCHEMA_REGISTRY_URL");
    }

    @Test
    void settingsComeFromTheEnvironmentAndXWinsOverEnvironmentAndFile() throws IOException {
        Path config = Files.writeString(dir.resolve("producer.properties"), "linger.ms=5\nacks=1\n");
        command.environment.put("NEWSLINE_BOOTSTRAP_SERVERS", "env-broker:9092");
        command.environment.put("NEWSLINE_SCHEMA_REGISTRY_URL", "http://env-registry:8081");
        command.environment.put("NEWSLINE_LINGER_MS", "10");

        int exit = run(
                "--producer-config",
                config.toString(),
                "-X",
                "linger.ms=50",
                "-X",
                "compression.type=lz4",
                "--max-file-size",
                "1MiB",
                Seeds.dir().toString());

        assertThat(exit).as(err.toString()).isEqualTo(ProduceCommand.EXIT_OK);
        assertThat(producerConfig.get())
                .containsEntry("bootstrap.servers", "env-broker:9092")
                .containsEntry(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, "http://env-registry:8081")
                .containsEntry("linger.ms", "50")
                .containsEntry("compression.type", "lz4")
                .containsEntry("acks", "1")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.request.size", String.valueOf(3 * 1024 * 1024 + 64 * 1024));
    }

    @Test
    void includeAndExcludeChooseTheFiles() throws IOException {
        Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(dir.resolve("a.txt"), "A");
        Files.writeString(dir.resolve("b.html"), "<p>B</p>");
        Files.writeString(dir.resolve("c.md"), "C");
        Files.writeString(dir.resolve("drafts/d.txt"), "D");
        Files.writeString(dir.resolve(".e.txt"), "E");

        int exit = run(
                CONNECTION, "--include", "**/*.txt", "--include", "**/*.html", "--exclude", "drafts", dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_OK);
        assertThat(producer.history())
                .extracting(record -> record.value().getFileName())
                .containsExactly("a.txt", "b.html");
    }

    @Test
    void usageErrorsExitWithTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "A");

        assertThat(run(CONNECTION)).as("no PATH").isEqualTo(ProduceCommand.EXIT_USAGE);
        assertThat(run(CONNECTION, "--watch", file.toString())).isEqualTo(ProduceCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--watch needs directories");
        assertThat(run(CONNECTION, "-X", "linger.ms", file.toString())).isEqualTo(ProduceCommand.EXIT_USAGE);
        assertThat(run(CONNECTION, "--max-file-size", "huge", file.toString())).isEqualTo(ProduceCommand.EXIT_USAGE);
        assertThat(run(CONNECTION, "--include", "[bad", file.toString())).isEqualTo(ProduceCommand.EXIT_USAGE);
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "--bootstrap-servers",
                        "--schema-registry-url",
                        "--topic",
                        "--include",
                        "--exclude",
                        "--watch",
                        "--max-file-size",
                        "--dry-run",
                        "--producer-config",
                        "-X",
                        "--no-progress",
                        "--quiet")
                .contains("Exit codes:");
    }

    @Test
    void quietPrintsOnlyFailures() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "A");
        Files.createFile(dir.resolve("b.txt"));

        int exit = run(CONNECTION, "--quiet", dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_FILES_FAILED);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString().startsWith("FAILED [empty]");
    }

    @Test
    void stoppingABulkRunFlushesWhatWasSentAndCountsTheRest() throws IOException {
        for (String name : List.of("a.txt", "b.txt", "c.txt")) {
            Files.writeString(dir.resolve(name), "Story " + name);
        }
        producer = new MockProducer<>(true, null, new StringSerializer(), TestProducers.VALUE_SERIALIZER) {
            @Override
            public synchronized Future<RecordMetadata> send(
                    ProducerRecord<String, RawArticle> record, Callback callback) {
                command.stop(); // as Ctrl-C would, while the first file is being sent
                return super.send(record, callback);
            }
        };

        int exit = run(CONNECTION, dir.toString());

        assertThat(exit).isEqualTo(ProduceCommand.EXIT_STOPPED);
        assertThat(producer.history()).hasSize(1);
        assertThat(producer.closed()).isTrue();
        assertThat(out.toString()).contains("Published:     1 file").contains("Not read:      2 files");
    }

    @Test
    void watchPublishesNewFilesOnceUntilStopped() throws Exception {
        Path inbox = Files.createDirectory(dir.resolve("inbox"));
        AtomicReference<Integer> exit = new AtomicReference<>();
        Thread thread = new Thread(
                () -> exit.set(run(CONNECTION, "--watch", "--skip-identical", "--settle-ms", "250", inbox.toString())),
                "produce-watch");
        thread.start();
        assertThat(command.awaitWatching(Duration.ofSeconds(10))).isTrue();

        Path first = deliver(inbox, "first.txt", "First story");
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        deliver(inbox, "second.txt", "Second story");
        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 2);
        // The same file rewritten with the same bytes is not sent again; with --skip-identical, a copy under another
        // name is skipped as a duplicate.
        Files.writeString(first, "First story");
        await().atMost(Duration.ofSeconds(10)).until(() -> command.summary().unchanged() == 1);
        deliver(inbox, "copy-of-first.txt", "First story");
        await().atMost(Duration.ofSeconds(10)).until(() -> command.summary().duplicates() == 1);

        command.stop();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ProduceCommand.EXIT_OK);
        assertThat(producer.history())
                .extracting(record -> record.value().getFileName())
                .containsExactly("first.txt", "second.txt");
        assertThat(out.toString()).contains("Published:     2 files");
        assertThat(err.toString()).contains("SKIPPED [duplicate] " + inbox.resolve("copy-of-first.txt"));
    }

    /** Writes under a temporary name and renames: the file appears complete. */
    static Path deliver(Path dir, String name, String content) throws IOException {
        Path temp = Files.writeString(dir.resolve(name + ".tmp"), content);
        return Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private int run(String[] first, String... rest) {
        String[] args = new String[first.length + rest.length];
        System.arraycopy(first, 0, args, 0, first.length);
        System.arraycopy(rest, 0, args, first.length, rest.length);
        return run(args);
    }

    private int run(String... args) {
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
