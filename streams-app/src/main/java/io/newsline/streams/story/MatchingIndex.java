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
 * The matching index on the matching topic and in the global store {@code story-matching} every instance fills
 * from it. The store holds exactly the topic's records (so a restore that copies the topic is correct):
 *
 * <ul>
 *   <li>{@code s:<story id>} -> the story's summary ({@link StoryCodec#encodeSummary});
 *   <li>{@code p:<blocking key> NUL <posting order>} -> empty: the story is indexed under the key. The posting order
 *       ({@link StoryIndex#postingOrder}) puts the most recently active first, so a prefix scan stops after the few
 *       it needs.
 * </ul>
 */
final class MatchingIndex implements StoryIndex {
    private static final StringSerializer KEYS = new StringSerializer();
    private static final byte[] PRESENT = new byte[0];

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final DecodedSummaries decoded;

    MatchingIndex(ReadOnlyKeyValueStore<String, byte[]> store, DecodedSummaries decoded) {
        this.store = store;
        this.decoded = decoded;
    }

    @Override
    public List<String> stories(String key, int max) {
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
        byte[] value = store.get(summaryKey(storyId));
        // Decoding a summary (its centroid into a map) is costly and the same stories are candidates again and
        // again: decoded summaries are kept (for the whole instance) while their bytes are unchanged.
        return value == null ? null : decoded.get(storyId, value);
    }

    /** The matching-topic record of an index effect of a keeper, or null when the effect is not about the index. */
    static KeyValue<String, byte[]> record(StoryKeeper.Effect effect) {
        if (effect instanceof StoryKeeper.PublishSummary p) {
            return KeyValue.pair(summaryKey(p.summary().id()), StoryCodec.encodeSummary(p.summary()));
        }
        if (effect instanceof StoryKeeper.RemoveSummary r) {
            return KeyValue.pair(summaryKey(r.storyId()), null);
        }
        if (effect instanceof StoryKeeper.PutPosting p) {
            return KeyValue.pair(postingPrefix(p.key()) + p.postingOrder(), PRESENT);
        }
        if (effect instanceof StoryKeeper.RemovePosting r) {
            return KeyValue.pair(postingPrefix(r.key()) + r.postingOrder(), null);
        }
        return null;
    }

    static String summaryKey(String storyId) {
        return "s:" + storyId;
    }

    private static String postingPrefix(String key) {
        return "p:" + key + '\u0000';
    }
}
