package io.newsline.streams.story;

import io.newsline.article.story.Story;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The most recently decoded story summaries of the matching index, one cache for every task of the instance (the
 * deciding and the keeping tasks read the same global store). The store's one writer, {@link MatchingLoader}, tells
 * the cache of every summary it writes or deletes ({@link #changed}), so a summary is served without reading the
 * store again: it never differs from decoding the store's bytes.
 *
 * <p>Why shared: one cache per task held the same summaries up to twelve times (six assigning and six keeping tasks
 * at six partitions; with the keepers' recent stories, 470 MB live after GC in the bench against 110-120 MB with
 * the stage off), and each republished summary was decoded once per task. Why told by the loader: the earlier cache
 * read the summary's bytes from RocksDB for every candidate (some 40 per article, 2-3 KB each) to compare them with
 * the bytes it had decoded, the largest allocation of the stage (JFR). Thread safe (tasks of several stream threads
 * and the global thread share it); the stories it returns are never changed by their readers (the matcher copies a
 * story before adding to it), and their norm and term vector are computed before they are shared.
 */
final class DecodedSummaries {
    private final Map<String, Story> byStory;

    /**
     * How many changes the loader reported (guarded by {@link #byStory}): a summary decoded from bytes read before a
     * change is not kept, since the change may be to its story and may have come after the read.
     */
    private long changes;

    DecodedSummaries(int capacity) {
        this.byStory = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Story> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The summary of {@code storyId}: the one decoded before, or the one {@code read} returns (the store's bytes, null
     * when it holds none) decoded now.
     */
    Story get(String storyId, Supplier<byte[]> read) {
        long changesBefore;
        synchronized (byStory) {
            Story cached = byStory.get(storyId);
            if (cached != null) {
                return cached;
            }
            changesBefore = changes;
        }
        byte[] bytes = read.get();
        if (bytes == null) {
            return null;
        }
        Story story = StoryCodec.decodeSummary(bytes);
        story.prepareForReading(); // its norm and term vector, computed once, before other threads can read it
        synchronized (byStory) {
            if (changes == changesBefore) {
                byStory.put(storyId, story);
            }
        }
        return story;
    }

    /** The store's summary of {@code storyId} was just written or deleted (called by its one writer, after it). */
    void changed(String storyId) {
        synchronized (byStory) {
            changes++;
            byStory.remove(storyId);
        }
    }
}
