package io.newsline.streams.errors;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that cannot be read: permanent failures (bad framing, an unknown schema id, Avro that does not decode)
 * go to the dead-letter topic with their reason, as with Kafka's {@link LogAndContinueExceptionHandler}; transient
 * ones (the registry unreachable) fail the stream thread instead, which {@code StreamsApp} replaces: the new thread
 * reads the same records again from the last commit once the registry answers, so a registry outage never
 * dead-letters a good article. The serde's own retries with backoff ({@code schema.registry.retries}) are the wait
 * between attempts.
 */
public class DeadLetterDeserializationHandler extends LogAndContinueExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private static final RateLimitedLog transientLog = new RateLimitedLog(log, Duration.ofSeconds(10));

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (Failures.isTransient(exception)) {
            FailureStats.shared().record(FailureStats.Outcome.RETRIED, exception);
            transientLog.warn(
                    "Cannot read {}-{}@{} yet ({}); will retry it, not dead-letter it",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    Failures.describe(exception));
            return Response.fail();
        }
        long total = FailureStats.shared().record(FailureStats.Outcome.DEAD_LETTERED, exception);
        log.debug("Dead letters so far in this JVM: {}", total);
        return super.handleError(context, record, exception);
    }
}
