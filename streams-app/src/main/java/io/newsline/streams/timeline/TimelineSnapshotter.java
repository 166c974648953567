package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes bounded snapshots of the timelines that changed. Each change only marks its topic dirty (one small
 * write); a wall-clock punctuation then emits one snapshot per dirty topic, so a burst of articles on a busy
 * topic costs one snapshot per interval, not one per article, and never rewrites a whole timeline per article.
 * An explicit punctuation, rather than the record cache, makes that bound hold whatever the cache size and lets
 * tests drive it deterministically. A topic whose last entry went away gets a tombstone.
 */
public final class TimelineSnapshotter implements Processor<String, TimelineEntry, String, TopicTimeline> {
    private final TimelineStores stores;
    private final int maxEntries;
    private final Duration interval;
    private ProcessorContext<String, TopicTimeline> context;
    private KeyValueStore<String, Long> dirtyTopics;
    private TimelineBook book;

    public TimelineSnapshotter(TimelineStores stores, int maxEntries, Duration interval) {
        this.stores = stores;
        this.maxEntries = maxEntries;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, TopicTimeline> context) {
        this.context = context;
        this.dirtyTopics = context.getStateStore(stores.dirtyTopics());
        KeyValueStore<Bytes, TimelineEntry> entries = context.getStateStore(stores.entries());
        KeyValueStore<String, TopicTimeline> headers = context.getStateStore(stores.headers());
        // Read-only use: the writer owns changes; the snapshotter only reads entries and headers.
        this.book = new TimelineBook(entries, null, null, headers);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::publishDirtyTopics);
    }

    @Override
    public void process(Record<String, TimelineEntry> record) {
        dirtyTopics.put(TimelineKeys.topicIdOf(record.key()), record.timestamp());
    }

    private void publishDirtyTopics(long wallClockTime) {
        List<KeyValue<String, Long>> dirty = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = dirtyTopics.all()) {
            it.forEachRemaining(dirty::add);
        }
        Instant now = Instant.ofEpochMilli(wallClockTime);
        for (KeyValue<String, Long> topic : dirty) {
            TopicTimeline snapshot = book.snapshot(topic.key, maxEntries, now);
            long timestamp = Math.max(topic.value, 0L);
            context.forward(new Record<>(topic.key, snapshot, timestamp));
            dirtyTopics.delete(topic.key);
        }
    }
}
