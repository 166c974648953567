package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Publishes bounded snapshots of the timelines that changed. Each record read back from
 * {@code news.timeline-entries} only marks its topic dirty, and only the first one per interval writes (store
 * {@code timeline-dirty-topics}, in memory and changelogged, so a topic marked before a crash is still published
 * after it); a wall-clock punctuation then emits one snapshot per dirty topic, so a burst of articles on a busy
 * topic costs one snapshot per interval, not one per article, and never rewrites a whole timeline per article.
 *
 * <p>A snapshot is built when it is published, not kept up to date per entry: the newest entries are a short
 * reverse scan of the topic's index keys, each entry read from the table over {@code news.timeline-entries}; the
 * total is the locator's count, first and last dates one seek each; label and kind are those of the entry
 * filed or updated last (see {@link TimelineIndex#noteLabel}). An
 * explicit punctuation, rather than the record cache, makes the bound hold whatever the cache size and lets tests
 * drive it deterministically. A topic whose last entry went away gets a tombstone.
 */
public final class TimelineSnapshotter implements Processor<String, TimelineEntry, String, TopicTimeline> {
    private final TimelineStores stores;
    private final int maxEntries;
    private final Duration interval;
    private final Duration retention;
    private ProcessorContext<String, TopicTimeline> context;
    private KeyValueStore<Bytes, byte[]> dirtyTopics;
    private TimestampedKeyValueStore<String, TimelineEntry> entries;
    private TimelineIndex index;
    private Sensor writes;
    /** The dirty topics and the newest timestamp that dirtied each; mirrors the store, which only holds the first. */
    private final Map<String, Long> dirty = new TreeMap<>();

    public TimelineSnapshotter(TimelineStores stores, int maxEntries, Duration interval, Duration retention) {
        this.stores = stores;
        this.maxEntries = maxEntries;
        this.interval = interval;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, TopicTimeline> context) {
        this.context = context;
        this.dirtyTopics = context.getStateStore(stores.dirtyTopics());
        this.entries = context.getStateStore(stores.entries());
        this.index = TimelineIndex.open(context, stores, retention);
        this.writes = TimelineMetrics.storeWrites(context);
        try (KeyValueIterator<Bytes, byte[]> it = dirtyTopics.all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> topic = it.next();
                dirty.put(
                        new String(topic.key.get(), StandardCharsets.UTF_8),
                        ByteBuffer.wrap(topic.value).getLong());
            }
        }
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::publishDirtyTopics);
    }

    @Override
    public void process(Record<String, TimelineEntry> record) {
        String key = record.key();
        if (!TimelineKeys.isEntryKey(key)) {
            return;
        }
        String topicId = TimelineKeys.topicIdOf(key);
        Long previous = dirty.get(topicId);
        dirty.put(topicId, previous == null ? record.timestamp() : Math.max(previous, record.timestamp()));
        if (previous == null) {
            dirtyTopics.put(
                    Bytes.wrap(topicId.getBytes(StandardCharsets.UTF_8)),
                    ByteBuffer.allocate(Long.BYTES).putLong(record.timestamp()).array());
            writes.record();
        }
    }

    private void publishDirtyTopics(long wallClockTime) {
        Instant now = Instant.ofEpochMilli(wallClockTime);
        for (Map.Entry<String, Long> topic : List.copyOf(dirty.entrySet())) {
            context.forward(
                    new Record<>(topic.getKey(), snapshot(topic.getKey(), now), Math.max(topic.getValue(), 0L)));
            dirtyTopics.delete(Bytes.wrap(topic.getKey().getBytes(StandardCharsets.UTF_8)));
            writes.record();
        }
        dirty.clear();
    }

    /** The topic's newest {@code maxEntries} entries, oldest first, with its totals; null if the topic is empty. */
    private TopicTimeline snapshot(String topicId, Instant now) {
        List<TimelineEntry> newest = new ArrayList<>(Math.min(maxEntries, 128));
        try (KeyValueIterator<Bytes, byte[]> it = index.newestFirst(topicId)) {
            while (it.hasNext() && newest.size() < maxEntries) {
                TimelineKeys.IndexedEntry at = TimelineKeys.parseEntryIndexKey(it.next().key);
                ValueAndTimestamp<TimelineEntry> held = entries.get(TimelineKeys.entryKey(topicId, at.articleId()));
                // The index and the table change together (see TimelineIndexer); this only guards the snapshot.
                if (held != null
                        && held.value() != null
                        && held.value().getPublishedAt().toEpochMilli() == at.publishedAtMillis()) {
                    newest.add(held.value());
                }
            }
        }
        if (newest.isEmpty()) {
            return null;
        }
        TimelineIndex.Label label = index.label(topicId);
        if (label == null) {
            label = new TimelineIndex.Label(
                    newest.get(0).getTopicLabel(), newest.get(0).getTopicKind());
        }
        Collections.reverse(newest);
        Long first = index.firstDate(topicId);
        Long last = index.lastDate(topicId);
        return TopicTimeline.newBuilder()
                .setTopicId(topicId)
                .setLabel(label.label())
                .setKind(label.kind())
                .setEntries(newest)
                .setTotalEntries(index.count(topicId))
                .setFirstPublishedAt(first == null ? null : Instant.ofEpochMilli(first))
                .setLastPublishedAt(last == null ? null : Instant.ofEpochMilli(last))
                .setUpdatedAt(now)
                .build();
    }
}
