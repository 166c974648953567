package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import io.newsline.streams.avro.AlsoReportedPatch;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * "Also reported by", on the timeline's side: applies the source lists {@link AlsoReportedTracker} sends ({@link AlsoReportedPatch}) (keyed
 * {@code <topicId>|<articleId>}, on the topic's partition) to the entry the table over
 * {@code news.timeline-entries} holds, and forwards the whole entry with the new list, which the topology writes
 * to that topic. Nothing is forwarded when the timeline does not hold the article (it was removed or expired) or the
 * list, without the entry's own source, is what the entry already says.
 *
 * <p>The list can overtake its entry: the filing stage wrote the entry and then processed the notice, and this task
 * reads the list first (Kafka Streams orders the two inputs by timestamp, and a notice can be stamped before the
 * article it repeats: a copy sent before its original; or the entry is not fetched yet). Such a list is parked
 * ({@link TimelineIndex#parkPatch}) and {@link TimelineIndexer} puts it on the entry when it reads the entry back.
 */
public final class AlsoReportedPatcher implements Processor<String, AlsoReportedPatch, String, TimelineEntry> {
    private final TimelineStores stores;
    private final Duration retention;
    private ProcessorContext<String, TimelineEntry> context;
    private TimestampedKeyValueStore<String, TimelineEntry> entries;
    private TimelineIndex index;

    public AlsoReportedPatcher(TimelineStores stores, Duration retention) {
        this.stores = stores;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.entries = context.getStateStore(stores.entries());
        this.index = TimelineIndex.open(context, stores, retention);
    }

    @Override
    public void process(Record<String, AlsoReportedPatch> record) {
        String key = record.key();
        if (record.value() == null || !TimelineKeys.isEntryKey(key)) {
            return;
        }
        ValueAndTimestamp<TimelineEntry> held = entries.get(key);
        if (held == null
                || held.value() == null
                || index.dateOf(TimelineKeys.topicIdOf(key), TimelineKeys.articleIdOf(key)) == null) {
            // The list came first (its entry is on its way): parked for the indexer to put on the entry.
            index.parkPatch(key, record.value().getSources());
            return;
        }
        TimelineEntry patched =
                TimelineEntries.withAlsoReportedBy(held.value(), record.value().getSources());
        if (patched != null) {
            index.notePatch(key);
            context.forward(record.withValue(patched));
        }
    }
}
