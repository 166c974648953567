package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.RawArticle;
import io.newsline.producer.read.ArticleFileReader;
import io.newsline.producer.read.FailureReason;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProcessorTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final RunSummary summary = new RunSummary("raw", false, System::nanoTime);
    private final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void publishesAGoodFileAndCountsIt() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        Path file = Files.writeString(dir.resolve("a.txt"), "Story A");

        processor(producer).process(file);

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.value().getRawText()).isEqualTo("Story A");
            assertThat(record.value().getIngestedAt()).isEqualTo(clock.instant());
            assertThat(record.value().getProducerHost()).isEqualTo("test-host");
        });
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.publishedBytes()).isEqualTo(7);
    }

    @Test
    void aRejectedFileIsReportedWithPathAndReasonAndCounted() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        Path file = Files.write(dir.resolve("b.bin"), new byte[] {1, 0, 2});

        processor(producer).process(file);

        assertThat(producer.history()).isEmpty();
        assertThat(summary.failed(FailureReason.BINARY)).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED [binary] " + file + ": contains NUL bytes");
    }

    @Test
    void aByteIdenticalCopyUnderAnotherNameIsPublishedToo() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        Path a = Files.writeString(dir.resolve("a.txt"), "Same");
        Path b = Files.writeString(dir.resolve("copy-of-a.txt"), "Same");
        FileProcessor processor = processor(producer, false);

        processor.process(a);
        processor.process(b);

        assertThat(producer.history())
                .extracting(record -> record.value().getFileName())
                .containsExactly("a.txt", "copy-of-a.txt");
        assertThat(producer.history())
                .extracting(record -> record.key())
                .containsOnly(producer.history().get(0).key());
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.duplicates()).isZero();
    }

    @Test
    void withSkipIdenticalSameBytesTwiceInOneRunAreSentOnce() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        Path a = Files.writeString(dir.resolve("a.txt"), "Same");
        Path b = Files.writeString(dir.resolve("copy-of-a.txt"), "Same");
        FileProcessor processor = processor(producer, true);

        processor.process(a);
        processor.process(b);

        assertThat(producer.history()).hasSize(1);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.hasFailures()).isFalse();
        assertThat(err.toString()).contains("SKIPPED [duplicate] " + b + ": same bytes as " + a);
    }

    @Test
    void theSameFileWithTheSameBytesAgainIsNotResentNorADuplicate() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        Path a = Files.writeString(dir.resolve("a.txt"), "Same");
        FileProcessor processor = processor(producer);

        processor.process(a);
        processor.process(a);

        assertThat(producer.history()).hasSize(1);
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(summary.duplicates()).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailedSendCountsAsAFailedFileAndMayBeRetried() throws IOException {
        MockProducer<String, RawArticle> producer = TestProducers.manual();
        Path a = Files.writeString(dir.resolve("a.txt"), "Story");
        FileProcessor processor = processor(producer);

        processor.process(a);
        producer.errorNext(
                new NotEnoughReplicasException("Messages are rejected since there are fewer in-sync replicas"));

        assertThat(summary.failed(FailureReason.SEND_FAILED)).isEqualTo(1);
        assertThat(err.toString()).contains("FAILED [send-failed] " + a + ": NotEnoughReplicasException");

        processor.process(a); // e.g. the watcher sees the file again
        producer.completeNext();
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.duplicates()).isZero();
    }

    @Test
    void dryRunReadsAndCountsButSendsNothing() throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), "Story");
        FileProcessor processor =
                new FileProcessor(new ArticleFileReader(1024), null, summary, reporter(), clock, "test-host", false);

        processor.process(a);

        assertThat(summary.published()).isEqualTo(1);
    }

    private FileProcessor processor(MockProducer<String, RawArticle> producer) {
        return processor(producer, false);
    }

    private FileProcessor processor(MockProducer<String, RawArticle> producer, boolean skipIdentical) {
        return new FileProcessor(
                new ArticleFileReader(1024),
                new ArticlePublisher(producer, "raw"),
                summary,
                reporter(),
                clock,
                "test-host",
                skipIdentical);
    }

    private ProgressReporter reporter() {
        return new ProgressReporter(new PrintWriter(err, true), false, false, summary, System::nanoTime);
    }
}
