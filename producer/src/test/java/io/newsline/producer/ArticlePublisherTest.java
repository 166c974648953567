package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.avro.RawArticle;
import io.newsline.serde.SchemaRegistryConfig;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    @Test
    void sendsTheArticleKeyedByItsIdToTheTopic() {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");
        RawArticle article = article("abc123");

        publisher.publish(article, recorder());

        assertThat(producer.history()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("raw");
            assertThat(record.key()).isEqualTo("abc123");
            assertThat(record.value()).isSameAs(article);
        });
        assertThat(outcomes).containsExactly("published");
    }

    @Test
    void aFailedSendIsReportedWithTheReasonFromTheCallback() {
        MockProducer<String, RawArticle> producer = TestProducers.manual();
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");
        publisher.publish(article("a"), recorder());

        producer.errorNext(new TimeoutException("Expiring 1 record(s) for raw-0: 120000 ms has passed"));

        assertThat(outcomes)
                .containsExactly("failed: TimeoutException: Expiring 1 record(s) for raw-0: 120000 ms has passed");
    }

    @Test
    void recordTooLargeComesWithAHint() {
        MockProducer<String, RawArticle> producer = TestProducers.manual();
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");
        publisher.publish(article("a"), recorder());

        producer.errorNext(new RecordTooLargeException("The request included a message larger than the max"));

        assertThat(outcomes).singleElement().asString().contains("max.message.bytes");
    }

    @Test
    void serializationFailingBeforeAnyRecordWasSerializedMakesSendingImpossible() {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        producer.sendException = new SerializationException(
                "Error registering Avro schema", new java.net.ConnectException("Connection refused"));
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");

        assertThatThrownBy(() -> publisher.publish(article("a"), recorder()))
                .isInstanceOf(ArticlePublisher.SendingImpossibleException.class)
                .hasMessageContaining(SchemaRegistryConfig.SCHEMA_REGISTRY_URL)
                .hasMessageContaining("Connection refused");
        assertThat(outcomes).singleElement().asString().startsWith("failed: SerializationException");
    }

    @Test
    void serializationFailingLaterFailsOnlyThatFile() {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");
        publisher.publish(article("a"), recorder());
        producer.sendException = new SerializationException("registry hiccup");

        publisher.publish(article("b"), recorder());

        assertThat(outcomes).containsExactly("published", "failed: SerializationException: registry hiccup");
    }

    @Test
    void unreachableTopicIsAClearError() {
        MockProducer<String, RawArticle> producer = TestProducers.autoCompleting();
        producer.partitionsForException = new TimeoutException("Topic raw not present in metadata after 30000 ms.");
        ArticlePublisher publisher = new ArticlePublisher(producer, "raw");

        assertThatThrownBy(publisher::checkTopic)
                .isInstanceOf(ArticlePublisher.SendingImpossibleException.class)
                .hasMessageContaining("raw")
                .hasMessageContaining("bootstrap.servers")
                .hasMessageContaining("--topic");
    }

    private ArticlePublisher.Outcome recorder() {
        return new ArticlePublisher.Outcome() {
            @Override
            public void published(RecordMetadata metadata) {
                outcomes.add("published");
            }

            @Override
            public void failed(String reason) {
                outcomes.add("failed: " + reason);
            }
        };
    }

    static RawArticle article(String id) {
        return RawArticle.newBuilder()
                .setArticleId(id)
                .setSourceUri("file:///in/" + id + ".txt")
                .setFileName(id + ".txt")
                .setMediaType("text/plain")
                .setCharset("UTF-8")
                .setRawText("text " + id)
                .setSizeBytes(6)
                .setFileModifiedAt(null)
                .setIngestedAt(Instant.EPOCH)
                .setProducerHost("test")
                .build();
    }
}
