package io.newsline.ops.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One record of the dead-letter topic as Kafka Streams wrote it (KIP-1034): the failed record's key and value bytes
 * unchanged, its headers, and the reason in {@code __streams.errors.*} headers (exception class, message, stack
 * trace, source topic, partition and offset, all UTF-8 strings).
 *
 * @param dlqPartition where this record is on the dead-letter topic
 * @param dlqOffset where this record is on the dead-letter topic
 * @param timestamp the record's timestamp: that of the failed record
 * @param key the failed record's key bytes (may be null)
 * @param value the failed record's value bytes (may be null)
 * @param headers every header, the {@code __streams.errors.*} ones included
 */
public record DeadLetter(
        int dlqPartition, long dlqOffset, Instant timestamp, byte[] key, byte[] value, List<Header> headers) {

    /** Prefix of the headers Kafka Streams adds to a dead letter. */
    public static final String ERROR_HEADER_PREFIX = "__streams.errors.";

    public static final String EXCEPTION = ERROR_HEADER_PREFIX + "exception";
    public static final String MESSAGE = ERROR_HEADER_PREFIX + "message";
    public static final String STACKTRACE = ERROR_HEADER_PREFIX + "stacktrace";
    public static final String TOPIC = ERROR_HEADER_PREFIX + "topic";
    public static final String PARTITION = ERROR_HEADER_PREFIX + "partition";
    public static final String OFFSET = ERROR_HEADER_PREFIX + "offset";

    /** The header a replayed record carries: {@code dlq/<partition>/<offset>} of the dead letter it came from. */
    public static final String REPLAYED_FROM = "newsline.replayed-from";

    public DeadLetter {
        headers = List.copyOf(headers);
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(header -> headers.add(new RecordHeader(header.key(), header.value())));
        return new DeadLetter(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key(),
                record.value(),
                headers);
    }

    /** {@code dlq/<partition>/<offset>}: where this dead letter is, as the replay header names it. */
    public String position() {
        return "dlq/" + dlqPartition + "/" + dlqOffset;
    }

    /** The key as text (article ids are UTF-8 strings), or null. */
    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public int valueSize() {
        return value == null ? 0 : value.length;
    }

    /** The value of the last header with this name as UTF-8 text; null when absent or null. */
    public String header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.key().equals(name)) {
                return header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Fully qualified class name of the exception, or {@code "?"} when the header is missing. */
    public String exceptionClass() {
        String name = header(EXCEPTION);
        return name == null || name.isBlank() ? "?" : name;
    }

    /** The exception's message, or empty when it had none. */
    public String message() {
        String message = header(MESSAGE);
        return message == null ? "" : message;
    }

    /** Exception class and message, e.g. {@code io.newsline...UnparseableArticleException: article ... no body}. */
    public String reason() {
        return message().isEmpty() ? exceptionClass() : exceptionClass() + ": " + message();
    }

    /** The reason with the exception's simple class name, for people. */
    public String shortReason() {
        String name = exceptionClass();
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return message().isEmpty() ? simple : simple + ": " + message();
    }

    /** The topic of the record that failed, or null when the header is missing. */
    public String sourceTopic() {
        String topic = header(TOPIC);
        return topic == null || topic.isBlank() ? null : topic;
    }

    public OptionalInt sourcePartition() {
        try {
            String partition = header(PARTITION);
            return partition == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(partition.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    public OptionalLong sourceOffset() {
        try {
            String offset = header(OFFSET);
            return offset == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(offset.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code topic/partition/offset} of the record that failed, with {@code ?} for what the headers lack. */
    public String source() {
        String topic = sourceTopic();
        OptionalInt partition = sourcePartition();
        OptionalLong offset = sourceOffset();
        return (topic == null ? "?" : topic)
                + "/" + (partition.isPresent() ? Integer.toString(partition.getAsInt()) : "?")
                + "/" + (offset.isPresent() ? Long.toString(offset.getAsLong()) : "?");
    }

    /** The {@link #REPLAYED_FROM} header of the failed record: it was itself a replay of that dead letter. */
    public String replayedFrom() {
        return header(REPLAYED_FROM);
    }

    /** The headers to send with a replay: without {@code __streams.errors.*} and without an earlier replay mark. */
    public List<Header> headersForReplay() {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith(ERROR_HEADER_PREFIX) && !header.key().equals(REPLAYED_FROM)) {
                kept.add(header);
            }
        }
        kept.add(new RecordHeader(REPLAYED_FROM, position().getBytes(StandardCharsets.UTF_8)));
        return kept;
    }
}
