package io.newsline.streams.errors;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** What Kafka Streams tells a handler about the failing record; source null for a punctuator. */
record FakeErrorContext(
        TaskId taskId, String topic, int partition, long offset, byte[] sourceRawKey, byte[] sourceRawValue)
        implements ErrorHandlerContext {

    static FakeErrorContext of(String topic, int partition, long offset, String key, String value) {
        return new FakeErrorContext(new TaskId(1, 0), topic, partition, offset, key.getBytes(), value.getBytes());
    }

    static FakeErrorContext punctuator() {
        return new FakeErrorContext(new TaskId(1, 0), null, -1, -1, null, null);
    }

    /** A record of a global store's topic, as the global thread reports it (task -1_-1). */
    static FakeErrorContext global(String topic, int partition, long offset, String key, String value) {
        return new FakeErrorContext(new TaskId(-1, -1), topic, partition, offset, key.getBytes(), value.getBytes());
    }

    @Override
    public Headers headers() {
        return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
        return "near-dedup-decide";
    }

    @Override
    public long timestamp() {
        return 1_000L;
    }
}
