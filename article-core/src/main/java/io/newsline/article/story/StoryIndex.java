package io.newsline.article.story;

import java.util.List;

/**
 * The matching index as the deciding side sees it: the published summaries of open stories and, per blocking key,
 * the stories indexed under it. In the app it is a global store every instance reads (filled from the matching
 * topic the story keepers write); in the evaluation, maps ({@link InMemoryStoryIndex}). It may lag behind the
 * keepers: a story founded a moment ago on another partition may not be in it yet (merges repair that).
 */
public interface StoryIndex {
    /** Up to {@code max} stories indexed under {@code key}, most recently active first. */
    List<String> stories(String key, int max);

    /** The stories under any of {@code keys} (up to {@code max} per key), in id order: the candidates of a decision. */
    default java.util.SortedSet<String> candidates(java.util.Collection<String> keys, int max) {
        java.util.SortedSet<String> candidates = new java.util.TreeSet<>();
        for (String key : keys) {
            candidates.addAll(stories(key, max));
        }
        return candidates;
    }

    /** The published summary of a story, or {@code null} (unknown, expired or merged into another). */
    Story summary(String storyId);

    /**
     * The sort key of a posting under a blocking key: the story's last active day, inverted so that the most recent
     * come first in key order, then its id. Stores that scan keys in order (RocksDB prefix scans) stop after {@code
     * max} postings; a story moves within a key at most once a day.
     */
    static String postingOrder(long lastActiveDay, String storyId) {
        String inverted = Long.toString(99_999_999L - Math.max(0, Math.min(99_999_999L, lastActiveDay)));
        return "0".repeat(8 - inverted.length()) + inverted + storyId; // zero-padded by hand: String.format is slow
    }

    /** The story id in a {@link #postingOrder}. */
    static String storyOfPosting(String postingOrder) {
        return postingOrder.substring(8);
    }

    /** The day (since the epoch) of a time in epoch milliseconds. */
    static long day(long epochMillis) {
        return Math.floorDiv(epochMillis, 86_400_000L);
    }
}
