package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the entries of a topic merged into another (key: the merged topic id, value: the topic it went into, on the
 * merged topic's partition): each entry is removed from the merged timeline and written to the other, so every
 * article is on one of the two, never both. Written through the entries topic like every change of a timeline; the
 * moved entry reaches the other topic's partition from there. The merge is remembered ({@link MergedTopics}) so that
 * entries filed to the merged topic later follow (see {@link TimelineIndexer}); with a retention, a stream-time
 * punctuation forgets merges older than it.
 */
public final class MergedTopicMover implements Processor<String, String, String, TimelineEntry> {
    private static final Logger log = LoggerFactory.getLogger(MergedTopicMover.class);

    private final TimelineStores stores;
    private final Duration retention;
    private final Duration expiryInterval;
    private ProcessorContext<String, TimelineEntry> context;
    private TimestampedKeyValueStore<String, TimelineEntry> entries;
    private TimelineIndex index;
    private MergedTopics merged;

    public MergedTopicMover(TimelineStores stores, Duration retention, Duration expiryInterval) {
        this.stores = stores;
        this.retention = retention;
        this.expiryInterval = expiryInterval;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.entries = context.getStateStore(stores.entries());
        this.index = TimelineIndex.open(context, stores, retention);
        this.merged = new MergedTopics(context.getStateStore(stores.mergedTopics()));
        if (!retention.isZero()) {
            context.schedule(expiryInterval, PunctuationType.STREAM_TIME, this::forgetOldMerges);
        }
    }

    @Override
    public void process(Record<String, String> record) {
        String from = record.key();
        String into = record.value();
        if (from == null || into == null || from.equals(into)) {
            return;
        }
        // Straight to the end of the chain when this partition knows the survivor was merged too.
        into = merged.record(from, into, record.timestamp());
        if (into == null) {
            return;
        }
        List<String> articles = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = index.newestFirst(from)) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                articles.add(TimelineKeys.parseEntryIndexKey(kv.key).articleId());
            }
        }
        for (String articleId : articles) {
            String key = TimelineKeys.entryKey(from, articleId);
            ValueAndTimestamp<TimelineEntry> held = entries.get(key);
            if (held == null || held.value() == null) {
                continue;
            }
            TimelineEntry moved =
                    TimelineEntry.newBuilder(held.value()).setTopicId(into).build();
            if (merged.claimRemoval(key, record.timestamp())) {
                context.forward(new Record<>(key, (TimelineEntry) null, record.timestamp()));
            }
            context.forward(new Record<>(TimelineKeys.entryKey(into, articleId), moved, held.timestamp()));
        }
    }

    private void forgetOldMerges(long streamTime) {
        if (streamTime < 0) {
            return;
        }
        int forgotten = merged.forgetBefore(streamTime - retention.toMillis());
        if (forgotten > 0) {
            log.info(
                    "Task {}: forgot {} merged topics older than the retention {}",
                    context.taskId(),
                    forgotten,
                    retention);
        }
    }
}
