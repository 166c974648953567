package io.newsline.streams.errors;

import java.time.Duration;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures inside a processor. A record whose processing fails permanently (an article that does not parse, a
 * hostile page) becomes a dead letter carrying the source record's raw key and value and its topic, partition and
 * offset, and the partition moves on. A transient failure (the registry unreachable while an output is written)
 * fails the thread so that the record is processed again after the outage. A failure with no source record (in a
 * punctuator) cannot make a meaningful dead letter: it is logged with a running total and counted in {@link
 * FailureStats}, never written as a dead letter with a null key and value.
 *
 * <p>On the global thread (enabled by {@code processing.exception.handler.global.enabled}, the app's default) a
 * failing record of a global store's topic is skipped, logged with its coordinates and counted: Kafka Streams 4.3
 * writes no dead letters from the global thread (it would only log that it cannot), and without the handler the
 * failure would stop the global thread, and with it the instance, at every start (a restore runs the topic through
 * the same processor).
 */
public class DeadLetterProcessingHandler extends LogAndContinueProcessingExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private static final RateLimitedLog transientLog = new RateLimitedLog(log, Duration.ofSeconds(10));

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (Failures.isTransient(exception)) {
            FailureStats.shared().record(FailureStats.Outcome.RETRIED, exception);
            transientLog.warn(
                    "Processing in {} failed transiently ({}); will retry, not dead-letter",
                    context.processorNodeId(),
                    Failures.describe(exception));
            return Response.fail();
        }
        if (isGlobal(context)) {
            long total = FailureStats.shared().record(FailureStats.Outcome.DROPPED_GLOBAL, exception);
            log.error(
                    "Global store processor {} failed on {}-{} offset {}; the record is skipped (the global thread"
                            + " writes no dead letters) and stays on its topic. Records skipped like this so far: {}",
                    context.processorNodeId(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    total,
                    exception);
            return Response.resume();
        }
        if (context.topic() == null) {
            long total = FailureStats.shared().record(FailureStats.Outcome.DROPPED_NO_SOURCE, exception);
            log.error(
                    "Processor {} of task {} failed outside any source record (a punctuator); nothing to"
                            + " dead-letter. Failures like this so far: {}",
                    context.processorNodeId(),
                    context.taskId(),
                    total,
                    exception);
            return Response.resume();
        }
        FailureStats.shared().record(FailureStats.Outcome.DEAD_LETTERED, exception);
        return super.handleError(context, record, exception);
    }

    /** The global thread's context: Kafka Streams gives its processors the task id -1_-1 (GlobalProcessorContextImpl). */
    private static boolean isGlobal(ErrorHandlerContext context) {
        return context.taskId() != null && context.taskId().subtopology() < 0;
    }
}
