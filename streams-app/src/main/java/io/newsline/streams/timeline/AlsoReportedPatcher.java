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
 *
 * <p>With merged topics ({@link MergedTopics}, when the story stage is on): a list for an entry of a topic merged
 * into another, when this timeline no longer holds the entry (it moved with its story), is sent on to the survivor,
 * keyed {@code <survivor>|<articleId>} ({@link Output#rerouted}); the topology writes it to a topic of its own that
 * this processor reads too, partitioned like the entries, so it reaches the survivor's partition and is applied (or
 * parked, or sent on along a chain of merges) there.
 */
public final class AlsoReportedPatcher
        implements Processor<String, AlsoReportedPatch, String, AlsoReportedPatcher.Output> {
    /** What the patcher writes: the entry with its new list, or a list on its way to the survivor of its topic. */
    public record Output(TimelineEntry entry, AlsoReportedPatch rerouted) {}

    private final TimelineStores stores;
    private final Duration retention;
    private final boolean followMerges;
    private ProcessorContext<String, Output> context;
    private TimestampedKeyValueStore<String, TimelineEntry> entries;
    private TimelineIndex index;
    private MergedTopics merged;

    public AlsoReportedPatcher(TimelineStores stores, Duration retention, boolean followMerges) {
        this.stores = stores;
        this.retention = retention;
        this.followMerges = followMerges;
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.entries = context.getStateStore(stores.entries());
        this.index = TimelineIndex.open(context, stores, retention);
        if (followMerges) {
            this.merged = new MergedTopics(context.getStateStore(stores.mergedTopics()));
        }
    }

    @Override
    public void process(Record<String, AlsoReportedPatch> record) {
        String key = record.key();
        if (record.value() == null || !TimelineKeys.isEntryKey(key)) {
            return;
        }
        String topicId = TimelineKeys.topicIdOf(key);
        String articleId = TimelineKeys.articleIdOf(key);
        ValueAndTimestamp<TimelineEntry> held = entries.get(key);
        if (held == null || held.value() == null || index.dateOf(topicId, articleId) == null) {
            String survivor = merged == null ? null : merged.survivorOf(topicId);
            if (survivor != null) {
                // The entry went with its story (or will be re-routed there when it comes): so does the list.
                context.forward(record.withKey(TimelineKeys.entryKey(survivor, articleId))
                        .withValue(new Output(null, record.value())));
                return;
            }
            // The list came first (its entry is on its way): parked for the indexer to put on the entry.
            index.parkPatch(key, record.value().getSources());
            return;
        }
        TimelineEntry patched =
                TimelineEntries.withAlsoReportedBy(held.value(), record.value().getSources());
        if (patched != null) {
            index.notePatch(key);
            context.forward(record.withValue(new Output(patched, null)));
        }
    }
}
