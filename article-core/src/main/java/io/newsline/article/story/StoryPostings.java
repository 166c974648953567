package io.newsline.article.story;

import java.util.List;
import java.util.Objects;

/**
 * Where a published summary puts its story in the matching index: under each of its keys, at its {@link
 * StoryIndex#postingOrder posting order}. The index derives these from the summaries it receives, so the keepers
 * publish one record per change of a story, not a record per key moved (on 4,000 BBC and Reuters articles the
 * postings were 86 % of the matching topic's records: eight per new story, more as keys moved).
 *
 * <p>Both indexes (the app's global store, {@link InMemoryStoryIndex}) move postings with {@link #move}, so they
 * index a story alike.
 */
public record StoryPostings(String storyId, List<String> keys, String postingOrder) {
    public StoryPostings {
        Objects.requireNonNull(storyId, "storyId");
        keys = List.copyOf(keys);
        Objects.requireNonNull(postingOrder, "postingOrder");
    }

    /** The postings of {@code summary} under {@code keys}: ordered by its last active day. */
    public static StoryPostings of(Story summary, List<String> keys) {
        return new StoryPostings(
                summary.id(), keys, StoryIndex.postingOrder(StoryIndex.day(summary.lastPublishedAt()), summary.id()));
    }

    /** What an index does with one posting. */
    public interface Postings {
        void put(String key, String postingOrder);

        void remove(String key, String postingOrder);
    }

    /**
     * Moves a story's postings from {@code before} to {@code after} (either may be null: a story entering or leaving
     * the index): removes those it no longer has, then puts the new ones; a posting both have is left alone.
     */
    public static void move(StoryPostings before, StoryPostings after, Postings index) {
        if (before != null) {
            for (String key : before.keys) {
                if (after == null || !after.postingOrder.equals(before.postingOrder) || !after.keys.contains(key)) {
                    index.remove(key, before.postingOrder);
                }
            }
        }
        if (after != null) {
            for (String key : after.keys) {
                if (before == null || !before.postingOrder.equals(after.postingOrder) || !before.keys.contains(key)) {
                    index.put(key, after.postingOrder);
                }
            }
        }
    }
}
