package io.newsline.streams.story;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryPostings;
import io.newsline.streams.metrics.PipelineMetrics;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

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
 */
final class MatchingLoader implements Processor<String, byte[], Void, Void> {
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
        String key = record.key();
        if (key == null) {
            return; // the keepers never write one; nothing to index it under
        }
        long cpuStart = PipelineMetrics.threadCpuNanos();
        load(key, record.value());
        metrics.storyCpu(PipelineMetrics.StoryPart.LOAD, cpuStart);
    }

    private void load(String key, byte[] value) {
        if (!MatchingIndex.isSummaryKey(key)) {
            // A posting record of an earlier version, copied as it is.
            if (value == null) {
                store.delete(key);
            } else {
                store.put(key, value);
            }
            cache.allPostingsChanged();
            return;
        }
        String storyId = MatchingIndex.storyOfSummaryKey(key);
        byte[] before = store.get(key);
        StoryPostings.move(
                before == null ? null : StoryCodec.summaryPostings(before),
                value == null ? null : StoryCodec.summaryPostings(value),
                postings);
        if (value == null) {
            store.delete(key);
            decided.removed(storyId); // merged (on any instance) or closed
        } else {
            decided.shown(storyId, context.currentSystemTimeMs()); // the twin window
            store.put(key, value);
        }
        cache.summaryChanged(storyId); // after the store: see MatchingCache
    }
}
