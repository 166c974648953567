package io.newsline.streams.errors;

import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures writing an output. Serialization that fails transiently (the registry unreachable while a new schema is
 * registered or looked up) fails the thread so the input is processed again after the outage; a record that can
 * never be written (it does not serialize, or is larger than the topic accepts) is dead-lettered from its source
 * record and the partition moves on. Kafka's retriable send errors are retried by Kafka, as by default. Without a
 * source record (a punctuator's output) nothing meaningful can be dead-lettered: logged, counted, skipped.
 */
public class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private static final RateLimitedLog transientLog = new RateLimitedLog(log, Duration.ofSeconds(10));

    private String deadLetterTopic;

    @Override
    public void configure(java.util.Map<String, ?> configs) {
        super.configure(configs);
        Object topic = configs.get(org.apache.kafka.streams.StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : String.valueOf(topic);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (exception instanceof RecordTooLargeException) {
            return permanent(context, record.topic(), exception);
        }
        return super.handleError(context, record, exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        if (Failures.isTransient(exception)) {
            FailureStats.shared().record(FailureStats.Outcome.RETRIED, exception);
            transientLog.warn(
                    "Cannot serialize a record for {} yet ({}); will retry, not dead-letter",
                    record.topic(),
                    Failures.describe(exception));
            return Response.fail();
        }
        return permanent(context, record.topic(), exception);
    }

    private Response permanent(ErrorHandlerContext context, String target, Exception exception) {
        if (context.topic() == null) {
            long total = FailureStats.shared().record(FailureStats.Outcome.DROPPED_NO_SOURCE, exception);
            log.error(
                    "A record for {} from a punctuator of task {} cannot be written; nothing to dead-letter."
                            + " Failures like this so far: {}",
                    target,
                    context.taskId(),
                    total,
                    exception);
            return Response.resume();
        }
        FailureStats.shared().record(FailureStats.Outcome.DEAD_LETTERED, exception);
        log.warn(
                "A record for {} from {}-{}@{} cannot be written ({}); dead-lettering its source record",
                target,
                context.topic(),
                context.partition(),
                context.offset(),
                Failures.describe(exception));
        return Response.resume(DeadLetterRecords.of(deadLetterTopic, context, exception));
    }
}
