package io.newsline.streams.errors;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds a dead letter the way Kafka Streams' own handlers do (KIP-1034): the source record's raw key and value,
 * its headers, and the {@code __streams.errors.*} headers naming the exception, its message and stack trace, and the
 * source topic, partition and offset. Written here rather than through Kafka's {@code errors.internals} package,
 * which is not public API; the header names are the KIP's, so {@code ./newsline dlq} reads both alike.
 */
public final class DeadLetterRecords {
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetterRecords() {}

    /** The dead letter for the record being processed, or none when no dead-letter topic is configured. */
    public static List<ProducerRecord<byte[], byte[]>> of(
            String deadLetterTopic, ErrorHandlerContext context, Exception exception) {
        if (deadLetterTopic == null || deadLetterTopic.isBlank()) {
            return List.of();
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                deadLetterTopic, null, context.timestamp(), context.sourceRawKey(), context.sourceRawValue());
        if (context.headers() != null) {
            for (Header header : context.headers()) {
                record.headers().add(header);
            }
        }
        StringWriter trace = new StringWriter();
        try (PrintWriter writer = new PrintWriter(trace)) {
            exception.printStackTrace(writer);
        }
        record.headers()
                .add(EXCEPTION, utf8(exception.getClass().getName()))
                .add(MESSAGE, utf8(String.valueOf(exception.getMessage())))
                .add(STACKTRACE, utf8(trace.toString()))
                .add(TOPIC, utf8(context.topic()))
                .add(PARTITION, utf8(String.valueOf(context.partition())))
                .add(OFFSET, utf8(String.valueOf(context.offset())));
        return List.of(record);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
