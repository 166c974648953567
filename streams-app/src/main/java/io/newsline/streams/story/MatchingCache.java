package io.newsline.streams.story;

import io.newsline.article.story.Story;
import io.newsline.common.LruMap;
import io.newsline.streams.errors.RateLimitedLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What the instance's tasks last read of the matching index, kept decoded: story summaries, and the stories listed
 * under a blocking key. One cache for every task of the instance (the deciding and the keeping tasks read the same
 * global store). The store's one writer, {@link MatchingLoader}, reports every summary and every posting it writes or
 * deletes ({@link #summaryChanged}, {@link #postingsChanged}), so what the cache serves never differs from reading
 * the store again, and it is served without reading it.
 *
 * <p>Why shared: one cache per task held the same summaries up to twelve times (six assigning and six keeping tasks
 * at six partitions; with the keepers' recent stories, 470 MB live after GC in the bench against 110-120 MB with the
 * stage off), and each republished summary was decoded once per task. Why told by the loader: the earlier cache read
 * the summary's bytes from RocksDB for every candidate (some 40 per article, 2-3 KB each) to compare them with the
 * bytes it had decoded, the largest allocation of the stage (JFR); and the posting lists were a RocksDB prefix scan
 * for each of an article's five blocking keys and again in each look for a twin (StoryStageCpu: the looks a sixth
 * cheaper with them kept). Thread safe (tasks of several stream threads and the global thread share it);
 * the stories and lists it returns are never changed by their readers (the matcher copies a story before adding to
 * it), and a story's norm and term vector are computed before it is shared.
 */
final class MatchingCache {
    private static final RateLimitedLog unreadableLog =
            new RateLimitedLog(LoggerFactory.getLogger(MatchingCache.class), Duration.ofSeconds(10));

    /** The stories under a key as a scan of at most {@code max} found them (fewer: all there were). */
    private record Scan(int max, List<String> ids) {
        boolean answers(int wanted) {
            return max >= wanted || ids.size() < max;
        }
    }

    private final Map<String, Story> byStory;
    private final Map<String, Scan> byKey;

    /**
     * How many changes the loader reported (guarded by {@link #byStory}): what was read from the store before a change
     * is not kept, since the change may be to it and may have come after the read.
     */
    private long changes;

    /** @param capacity how many summaries, and how many keys' lists, are kept (the least recently read go first) */
    MatchingCache(int capacity) {
        this.byStory = new LruMap<>(capacity);
        this.byKey = new LruMap<>(capacity);
    }

    /**
     * The summary of {@code storyId}: the one decoded before, or the one {@code read} returns (the store's bytes, null
     * when it holds none) decoded now.
     */
    Story summary(String storyId, Supplier<byte[]> read) {
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
        Story story;
        try {
            story = StoryCodec.readSummary(storyId, bytes).story();
        } catch (RuntimeException unreadable) {
            // Only a store written before the loader checked each summary can hold one: no candidate, not a failure
            // of the article that met it.
            unreadableLog.warn("The stored summary of {} does not read ({}); not a candidate", storyId, unreadable);
            return null;
        }
        story.prepareForReading(); // its norm and term vector, computed once, before other threads can read it
        synchronized (byStory) {
            if (changes == changesBefore) {
                byStory.put(storyId, story);
            }
        }
        return story;
    }

    /**
     * The stories under {@code key}, at most {@code max}, in posting order: the list read before, or the one {@code
     * scan} returns for {@code max} now.
     */
    List<String> stories(String key, int max, IntFunction<List<String>> scan) {
        long changesBefore;
        synchronized (byStory) {
            Scan cached = byKey.get(key);
            if (cached != null && cached.answers(max)) {
                return cached.ids().size() <= max ? cached.ids() : cached.ids().subList(0, max);
            }
            changesBefore = changes;
        }
        List<String> ids = List.copyOf(scan.apply(max));
        synchronized (byStory) {
            if (changes == changesBefore) {
                byKey.put(key, new Scan(max, ids));
            }
        }
        return ids;
    }

    /** The store's summary of {@code storyId} was just written or deleted (called by its one writer, after it). */
    void summaryChanged(String storyId) {
        synchronized (byStory) {
            changes++;
            byStory.remove(storyId);
        }
    }

    /**
     * The store's summary of {@code storyId} was just written, and this is it decoded (called by its one writer, after
     * the write): kept at once, so that no task decodes it again.
     */
    void summaryWritten(String storyId, Story story) {
        story.prepareForReading();
        synchronized (byStory) {
            changes++;
            byStory.put(storyId, story);
        }
    }

    /** A posting under {@code key} was just written or deleted (called by the store's one writer, after it). */
    void postingsChanged(String key) {
        synchronized (byStory) {
            changes++;
            byKey.remove(key);
        }
    }

    /** Postings were written that the writer cannot name the key of (records of an earlier format): all lists go. */
    void allPostingsChanged() {
        synchronized (byStory) {
            changes++;
            byKey.clear();
        }
    }
}
