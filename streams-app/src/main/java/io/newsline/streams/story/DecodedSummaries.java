package io.newsline.streams.story;

import io.newsline.article.story.Story;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently decoded story summaries of the matching index, one cache for every task of the instance (the
 * deciding and the keeping tasks read the same global store). Each summary is kept with the bytes it was decoded
 * from and served only while the store still holds those bytes, so it never differs from decoding them again.
 *
 * <p>Why shared: one cache per task held the same summaries up to twelve times (six assigning and six keeping tasks
 * at six partitions; with the keepers' recent stories, 470 MB live after GC in the bench against 110-120 MB with
 * the stage off), and each republished summary was decoded once per task. Thread safe (tasks of several stream
 * threads share it); the stories it returns are never changed by their readers (the matcher copies a story before
 * adding to it), and their norm and term vector are computed before they are shared.
 */
final class DecodedSummaries {
    private record Decoded(byte[] bytes, Story story) {}

    private final Map<String, Decoded> byStory;

    DecodedSummaries(int capacity) {
        this.byStory = new LinkedHashMap<>(2 * capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decoded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The summary stored as {@code bytes} for {@code storyId}: the one decoded before, or decoded now. */
    Story get(String storyId, byte[] bytes) {
        synchronized (byStory) {
            Decoded cached = byStory.get(storyId);
            if (cached != null && Arrays.equals(cached.bytes(), bytes)) {
                return cached.story();
            }
        }
        Story story = StoryCodec.decodeSummary(bytes);
        story.prepareForReading(); // its norm and term vector, computed once, before other threads can read it
        synchronized (byStory) {
            byStory.put(storyId, new Decoded(bytes, story));
        }
        return story;
    }
}
