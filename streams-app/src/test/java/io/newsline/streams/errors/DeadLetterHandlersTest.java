package io.newsline.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.serde.SchemaRegistryUnavailableException;
import io.newsline.serde.UnknownMagicByteException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlersTest {
    private static final Map<String, Object> CONFIG =
            Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "news.articles.dlq");
    private static final Exception REGISTRY_DOWN = new SchemaRegistryUnavailableException(
            "Schema registry unavailable while fetching schema id 1", -1, -1, null);

    @Test
    void deserializationDuringARegistryOutageFailsTheThreadInsteadOfDeadLettering() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(CONFIG);
        var response = handler.handleError(context(), consumerRecord(), new SerializationException(REGISTRY_DOWN));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void aRecordInTheWrongFormatIsDeadLetteredWithItsSource() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(CONFIG);
        var response = handler.handleError(context(), consumerRecord(), new UnknownMagicByteException("magic byte 1"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(DeadLetterHandlersTest::hasSource);
    }

    @Test
    void aProcessingFailureOfOneRecordIsDeadLetteredWithKeyValueAndSource() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        var response = handler.handleError(context(), new Record<>("id", "v", 1L), new IllegalStateException("bad"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(DeadLetterHandlersTest::hasSource);
    }

    @Test
    void aPunctuatorFailureWritesNoEmptyDeadLetterButIsCounted() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        long before = FailureStats.shared().total(FailureStats.Outcome.DROPPED_NO_SOURCE);

        var response = handler.handleError(FakeErrorContext.punctuator(), null, new IllegalStateException("bad"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_NO_SOURCE))
                .isEqualTo(before + 1);
    }

    @Test
    void aFailureOnTheGlobalThreadSkipsTheRecordAndCountsIt() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        long before = FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL);

        var response = handler.handleError(
                FakeErrorContext.global("newsline-streams-story-matching", 0, 7L, "s:story-a", "garbage"),
                new Record<>("s:story-a", new byte[] {1}, 1L),
                new IllegalStateException("bad"));

        // Resumed without dead letters: Kafka Streams 4.3 cannot send them from the global thread.
        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL))
                .isEqualTo(before + 1);
    }

    @Test
    void aPunctuatorFailingOnTheRegistryIsRetried() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(CONFIG);
        var response = handler.handleError(FakeErrorContext.punctuator(), null, new RuntimeException(REGISTRY_DOWN));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    }

    @Test
    void serializingDuringARegistryOutageFailsTheThreadToRetry() {
        DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(CONFIG);
        var response = handler.handleSerializationError(
                context(),
                new ProducerRecord<>("out", "k", "v"),
                new SerializationException(REGISTRY_DOWN),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void anOutputThatCanNeverBeWrittenDeadLettersItsSourceRecord() {
        DeadLetterProductionHandler handler = new DeadLetterProductionHandler();
        handler.configure(CONFIG);
        var response = handler.handleError(
                context(),
                new ProducerRecord<>("out", new byte[1], new byte[1]),
                new RecordTooLargeException("too large"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(DeadLetterHandlersTest::hasSource);
    }

    private static FakeErrorContext context() {
        return FakeErrorContext.of("news.articles.raw", 3, 42L, "article-1", "raw bytes");
    }

    private static ConsumerRecord<byte[], byte[]> consumerRecord() {
        return new ConsumerRecord<>("news.articles.raw", 3, 42L, "article-1".getBytes(), "raw bytes".getBytes());
    }

    private static void hasSource(ProducerRecord<byte[], byte[]> dead) {
        assertThat(dead.topic()).isEqualTo("news.articles.dlq");
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("article-1");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("raw bytes");
        assertThat(header(dead, "__streams.errors.topic")).isEqualTo("news.articles.raw");
        assertThat(header(dead, "__streams.errors.partition")).isEqualTo("3");
        assertThat(header(dead, "__streams.errors.offset")).isEqualTo("42");
        assertThat(header(dead, "__streams.errors.exception")).isNotBlank();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
