package io.newsline.streams.story;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryPostings;
import io.newsline.streams.errors.FailureStats;
import io.newsline.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the global store {@code story-matching} from the matching topic: each summary as it is (a tombstone
 * deletes it), and the story's postings derived from it, moved from where its previous summary put them ({@link
 * StoryPostings#move}).
 *
 * <p>Restore-correct because Kafka Streams restores a global store that has its own processor by running the topic
 * through a new instance of that processor (not by copying records; {@code StreamsBuilder#addGlobalStore}), from the
 * store's checkpoint: the postings on disk are those of the summaries up to the checkpoint, and the rest is derived
 * again. A compacted topic holds a story's latest summary (or its tombstone), so a restore from scratch ends with the
 * same postings.
 *
 * <p>Posting records ({@code p:} keys) on the topic come from versions that wrote postings as records of their own:
 * copied as they are, as those versions did (their summaries carry no postings to derive from).
 *
 * <p>No record halts it: only the app's keepers write the topic, but a record that does not read (a bug, a newer
 * format during an upgrade, a hand-written record) would otherwise stop the global thread at every start, since a
 * restore runs the topic through this processor again. Such a record is checked before the store is touched, skipped
 * (a summary as a tombstone), logged and counted ({@link FailureStats.Outcome#DROPPED_GLOBAL}).
 */
final class MatchingLoader implements Processor<String, byte[], Void, Void> {
    private static final Logger log = LoggerFactory.getLogger(MatchingLoader.class);
    private static final byte[] PRESENT = new byte[0];

    private final DecidedStories decided;
    private final MatchingCache cache;

    private KeyValueStore<String, byte[]> store;
    private final StoryPostings.Postings postings = new StoryPostings.Postings() {
        @Override
        public void put(String key, String postingOrder) {
            store.put(MatchingIndex.postingKey(key, postingOrder), PRESENT);
            cache.postingsChanged(key);
        }

        @Override
        public void remove(String key, String postingOrder) {
            store.delete(MatchingIndex.postingKey(key, postingOrder));
            cache.postingsChanged(key);
        }
    };

    /**
     * @param decided told of each summary removed, so that this instance's own decisions no longer show it
     * @param cache told of each summary and posting written or removed, so that it no longer serves what it read before
     */
    MatchingLoader(DecidedStories decided, MatchingCache cache) {
        this.decided = decided;
        this.cache = cache;
    }

    private ProcessorContext<Void, Void> context;
    private PipelineMetrics metrics;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(StoryTopology.MATCHING_STORE);
        metrics = PipelineMetrics.of(context.appConfigs());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        long cpuStart = PipelineMetrics.threadCpuNanos();
        String key = record.key();
        if (key != null && MatchingIndex.isSummaryKey(key)) {
            loadSummary(key, record.value());
        } else if (key != null && MatchingIndex.isPostingKey(key)) {
            // A posting record of an earlier version, copied as it is.
            if (record.value() == null) {
                store.delete(key);
            } else {
                store.put(key, record.value());
            }
            cache.allPostingsChanged();
        } else {
            skipped(key, "a key that is neither a summary's nor a posting's");
        }
        metrics.storyCpu(PipelineMetrics.StoryPart.LOAD, cpuStart);
    }

    /**
     * A summary replaces the story's previous one, its postings moved; a tombstone removes both. A summary that does
     * not read is applied as a tombstone, so that the index is the same whether it read the topic live or restored
     * it after compaction (the latest record of a story decides), and no task ever meets it.
     */
    private void loadSummary(String key, byte[] value) {
        String storyId = MatchingIndex.storyOfSummaryKey(key);
        StoryCodec.Summary summary = null;
        if (value != null) {
            try {
                summary = StoryCodec.readSummary(storyId, value);
            } catch (IllegalStateException unreadable) {
                skipped(key, unreadable.getMessage() + "; the story leaves the index until its next summary");
            }
        }
        byte[] before = store.get(key);
        StoryPostings.move(postingsOf(key, before), summary == null ? null : summary.postings(), postings);
        if (summary == null) {
            store.delete(key);
            decided.removed(storyId); // merged (on any instance) or closed
            cache.summaryChanged(storyId); // after the store: see MatchingCache
        } else {
            decided.shown(storyId, context.currentSystemTimeMs()); // the twin window
            store.put(key, value);
            cache.summaryWritten(storyId, summary.story()); // after the store: see MatchingCache
        }
    }

    /**
     * Where the stored summary indexed its story; null when it carried none, or does not read (a store written before
     * the loader checked summaries), so that the new summary still loads.
     */
    private StoryPostings postingsOf(String key, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            return StoryCodec.summaryPostings(stored);
        } catch (RuntimeException unreadable) {
            log.warn("The stored summary under {} does not read ({}); its old postings, if any, stay", key, unreadable);
            return null;
        }
    }

    /** A record that cannot be applied: counted and logged where it is, never silent (no dead letters here). */
    private void skipped(String key, String reason) {
        long total =
                FailureStats.shared().record(FailureStats.Outcome.DROPPED_GLOBAL, new UnreadableIndexRecord(reason));
        String where = context.recordMetadata()
                .map(m -> m.topic() + "-" + m.partition() + " offset " + m.offset())
                .orElse("(no record metadata)");
        log.error(
                "Skipped the matching-index record {} at {}: {}. The global thread writes no dead letters; the record"
                        + " stays on its topic. Records skipped like this so far: {}",
                key,
                where,
                reason,
                total);
    }

    /** The reason a matching-index record was skipped, as {@link FailureStats} counts it. */
    static final class UnreadableIndexRecord extends RuntimeException {
        UnreadableIndexRecord(String reason) {
            super(reason, null, false, false);
        }
    }
}
