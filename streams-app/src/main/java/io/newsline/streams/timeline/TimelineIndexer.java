package io.newsline.streams.timeline;

import io.newsline.avro.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link TimelineIndex} of one partition of {@code news.timeline-entries} in step with the table over
 * that topic: each record read back from it (the entry as written, or a tombstone) is already in the table when it
 * gets here, and this puts, moves or removes its index key. An entry updated in place (same date) costs no index
 * write at all. Because the entries are read back from the output topic, whatever wrote them (the filing stage,
 * the "also reported by" patcher, the expiry below) is applied the same way, in the topic's order.
 *
 * <p>With a retention ({@code newsline.timeline.retention.ms}, against stream time) a stream-time punctuation
 * removes the entries published before it from the index, oldest first, and forwards a tombstone for each, which
 * the topology writes to {@code news.timeline-entries}; each is counted (metric
 * {@code timeline-entries-expired-total}, group {@value TimelineMetrics#GROUP}) and logged with the running total.
 * By default (retention 0) nothing expires: archives of any age are first-class.
 *
 * <p>With merged topics ({@link MergedTopics}, when the story stage is on) an entry read back on a topic merged into
 * another is re-routed: a tombstone for it here and the entry, with the survivor's topic id, for the survivor (it
 * came after the merge moved the topic's entries: a chain of merges, an entry on its way, a restart). A tombstone of
 * an entry this timeline does not hold (it was moved) is passed on to the survivor likewise: a retraction removes the
 * entry where it went. The tombstones this partition sends itself (the move's, the re-route's) are claimed in the
 * store until read back ({@link MergedTopics#claimRemoval}): one per entry, and they go no further.
 */
public final class TimelineIndexer implements Processor<String, TimelineEntry, String, TimelineEntry> {
    /** Bounds the work of one expiry punctuation; the rest is picked up by the next one. */
    private static final int EXPIRY_BATCH = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TimelineIndexer.class);

    private final TimelineStores stores;
    private final Duration retention;
    private final Duration expiryInterval;
    private final boolean followMerges;
    private ProcessorContext<String, TimelineEntry> context;
    private TimelineIndex index;
    private MergedTopics merged;
    private Sensor expired;
    private long expiredTotal;

    public TimelineIndexer(TimelineStores stores, Duration retention, Duration expiryInterval) {
        this(stores, retention, expiryInterval, false);
    }

    /** @param followMerges whether to re-route entries of merged topics (store {@code stores.mergedTopics()}) */
    public TimelineIndexer(TimelineStores stores, Duration retention, Duration expiryInterval, boolean followMerges) {
        this.stores = stores;
        this.retention = retention;
        this.expiryInterval = expiryInterval;
        this.followMerges = followMerges;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.index = TimelineIndex.open(context, stores, retention);
        if (followMerges) {
            this.merged = new MergedTopics(context.getStateStore(stores.mergedTopics()));
        }
        if (!retention.isZero()) {
            expired = TimelineMetrics.counter(context, "timeline-entries-expired", "entries expired by the retention");
            context.schedule(expiryInterval, PunctuationType.STREAM_TIME, this::expire);
        }
    }

    @Override
    public void process(Record<String, TimelineEntry> record) {
        String key = record.key();
        if (!TimelineKeys.isEntryKey(key)) {
            return;
        }
        String topicId = TimelineKeys.topicIdOf(key);
        String articleId = TimelineKeys.articleIdOf(key);
        TimelineEntry entry = record.value();
        String survivor = survivorOf(topicId);
        if (entry == null) {
            index.takeParkedPatch(key); // the entry is gone: so is a list parked for it
            boolean ours = survivor != null && merged.takeRemoval(key);
            boolean held = index.remove(topicId, articleId);
            if (survivor != null && !held && !ours) {
                // Not a tombstone of the move or a re-route: a retraction (or a lost topic) of a moved entry.
                context.forward(record.withKey(TimelineKeys.entryKey(survivor, articleId)));
            }
        } else {
            index.put(topicId, articleId, entry.getPublishedAt().toEpochMilli());
            if (!index.takePatch(key)) {
                index.noteLabel(topicId, entry.getTopicLabel(), entry.getTopicKind());
            }
            // "Also reported by" that came before this entry (AlsoReportedPatcher): the entry with it, written here,
            // or re-routed with it below.
            List<String> parked = index.takeParkedPatch(key);
            TimelineEntry listed = parked == null ? null : TimelineEntries.withAlsoReportedBy(entry, parked);
            if (survivor == null) {
                if (listed != null) {
                    index.notePatch(key);
                    context.forward(record.withValue(listed));
                }
            } else {
                // Indexed here first, so that the tombstone below finds it when read back and goes no further.
                if (merged.claimRemoval(key, record.timestamp())) {
                    context.forward(record.withValue((TimelineEntry) null));
                }
                context.forward(record.withKey(TimelineKeys.entryKey(survivor, articleId))
                        .withValue(TimelineEntry.newBuilder(listed == null ? entry : listed)
                                .setTopicId(survivor)
                                .build()));
            }
        }
    }

    private String survivorOf(String topicId) {
        return merged == null ? null : merged.survivorOf(topicId);
    }

    private void expire(long streamTime) {
        if (streamTime < 0) {
            return;
        }
        Instant cutoff = Instant.ofEpochMilli(streamTime).minus(retention);
        List<TimelineKeys.IndexedEntry> old = index.publishedBefore(cutoff.toEpochMilli(), EXPIRY_BATCH);
        for (TimelineKeys.IndexedEntry entry : old) {
            if (index.remove(entry.topicId(), entry.articleId())) {
                context.forward(new Record<String, TimelineEntry>(
                        TimelineKeys.entryKey(entry.topicId(), entry.articleId()), null, streamTime));
                expired.record();
                expiredTotal++;
            }
        }
        if (!old.isEmpty()) {
            log.info(
                    "Task {}: expired {} timeline entries published before {} (retention {}); {} expired so far",
                    context.taskId(),
                    old.size(),
                    cutoff,
                    retention,
                    expiredTotal);
        }
    }
}
