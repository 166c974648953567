package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryIndex;
import io.newsline.article.story.StoryKeeper;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The matching index in the global store {@code story-matching} every instance fills from the matching topic
 * ({@link MatchingLoader}). The topic holds one record per story, its latest summary; the store holds:
 *
 * <ul>
 *   <li>{@code s:<story id>} -> the story's summary ({@link StoryCodec#encodeSummary}), as on the topic;
 *   <li>{@code p:<blocking key> NUL <posting order>} -> empty: the story is indexed under the key, derived by the
 *       loader from the summary's postings. The posting order ({@link StoryIndex#postingOrder}) puts the most
 *       recently active first, so a prefix scan stops after the few it needs.
 * </ul>
 */
final class MatchingIndex implements StoryIndex {
    private static final StringSerializer KEYS = new StringSerializer();
    private static final String SUMMARY_PREFIX = "s:";
    private static final String POSTING_PREFIX = "p:";

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final MatchingCache cache;

    MatchingIndex(ReadOnlyKeyValueStore<String, byte[]> store, MatchingCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public List<String> stories(String key, int max) {
        return cache.stories(key, max, m -> scan(key, m));
    }

    private List<String> scan(String key, int max) {
        List<String> ids = new ArrayList<>();
        String prefix = postingPrefix(key);
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext() && ids.size() < max) {
                ids.add(StoryIndex.storyOfPosting(it.next().key.substring(prefix.length())));
            }
        }
        return ids;
    }

    @Override
    public Story summary(String storyId) {
        // Decoding a summary (its centroid into a map) is costly and the same stories are candidates again and
        // again: decoded summaries are kept (for the whole instance) until the loader changes them.
        return cache.summary(storyId, () -> store.get(summaryKey(storyId)));
    }

    /** The matching-topic record of an index effect of a keeper, or null when the effect is not about the index. */
    static KeyValue<String, byte[]> record(StoryKeeper.Effect effect) {
        if (effect instanceof StoryKeeper.PublishSummary p) {
            return KeyValue.pair(summaryKey(p.summary().id()), StoryCodec.encodeSummary(p));
        }
        if (effect instanceof StoryKeeper.RemoveSummary r) {
            return KeyValue.pair(summaryKey(r.storyId()), null);
        }
        return null;
    }

    static String summaryKey(String storyId) {
        return SUMMARY_PREFIX + storyId;
    }

    static boolean isSummaryKey(String key) {
        return key.startsWith(SUMMARY_PREFIX);
    }

    static boolean isPostingKey(String key) {
        return key.startsWith(POSTING_PREFIX);
    }

    /** The story id of a summary key ({@link #summaryKey}). */
    static String storyOfSummaryKey(String key) {
        return key.substring(SUMMARY_PREFIX.length());
    }

    /** The store key of a posting. */
    static String postingKey(String key, String postingOrder) {
        return postingPrefix(key) + postingOrder;
    }

    private static String postingPrefix(String key) {
        return POSTING_PREFIX + key + '\u0000';
    }
}
