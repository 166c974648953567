package io.newsline.producer;

import io.newsline.avro.RawArticle;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Sends {@link RawArticle}s to one topic, keyed by article id, and reports each record's fate to a listener
 * (from Kafka's I/O thread for asynchronous outcomes). Takes any {@link Producer}, so tests can use Kafka's
 * {@code MockProducer}.
 */
public final class ArticlePublisher implements AutoCloseable {
    /** The fate of one record. */
    public interface Outcome {
        void published(RecordMetadata metadata);

        void failed(String reason);
    }

    /**
     * Sending cannot work at all: the value could not be serialized before any record was, which means the
     * schema registry is unreachable or refuses the schema, or the serializer is misconfigured. Every further
     * file would fail the same way (slowly, through the registry client's retries), so the run stops.
     */
    public static final class SendingImpossibleException extends RuntimeException {
        SendingImpossibleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<String, RawArticle> producer;
    private final String topic;
    private volatile boolean serializedOnce;

    public ArticlePublisher(Producer<String, RawArticle> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /**
     * Fails fast, with a clear message, if the brokers cannot be reached or the topic does not exist (and is not
     * created automatically): otherwise every send would wait {@code max.block.ms} and fail alike.
     */
    public List<PartitionInfo> checkTopic() {
        try {
            List<PartitionInfo> partitions = producer.partitionsFor(topic);
            return partitions == null ? List.of() : partitions;
        } catch (KafkaException e) {
            throw new SendingImpossibleException(
                    "Cannot get the partitions of topic " + topic + ": " + describe(e)
                            + ". Check that the brokers at bootstrap.servers are reachable and that the topic exists"
                            + " (`newsline stream` creates it), or pass --topic.",
                    e);
        }
    }

    /**
     * Hands the record to the producer; the outcome is reported later (or at once if it is refused here).
     *
     * @throws SendingImpossibleException if serialization fails before any record was serialized
     */
    public void publish(RawArticle article, Outcome outcome) {
        ProducerRecord<String, RawArticle> record = new ProducerRecord<>(topic, article.getArticleId(), article);
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    outcome.published(metadata);
                } else {
                    outcome.failed(describe(exception));
                }
            });
            serializedOnce = true;
        } catch (IllegalStateException | InterruptException e) {
            // The producer was closed (the run is being stopped) or this thread interrupted.
            outcome.failed(describe(e));
        } catch (RuntimeException e) {
            // Errors the broker reports arrive through the callback; what is thrown here happened while
            // serializing: usually the schema registry (unreachable, refusing the schema) or the serializer.
            outcome.failed(describe(e));
            if (!serializedOnce) {
                throw new SendingImpossibleException(
                        "Cannot serialize records for " + topic + ": " + describe(e)
                                + ". Check schema.registry.url (--schema-registry-url), that the registry is up,"
                                + " and value.serializer.",
                        e);
            }
        }
    }

    /** Waits until every record handed over so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Sends what is pending, waiting at most {@code timeout}; records still unsent then fail. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** A one-line reason with the causes' messages, plus a hint for the failures that have a known fix. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 600; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e instanceof RecordTooLargeException) {
            text.append(" (raise the topic's max.message.bytes, or the producer's max.request.size with -X)");
        }
        return text.toString();
    }
}
