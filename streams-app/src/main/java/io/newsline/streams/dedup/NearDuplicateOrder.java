package io.newsline.streams.dedup;

import java.time.Duration;

/**
 * Which of two near duplicates is the original: a pure function of what both articles carry, so that every
 * partition that looks at the pair, in whatever order its messages arrive, decides the same.
 *
 * <ul>
 *   <li>Seen by the app within the grace period of each other (they arrived "at the same moment", possibly on
 *       different partitions): the earlier ingest time is the original, then the smaller article id.
 *   <li>Seen further apart: the one seen first is the original, since it may already be on the timelines.
 * </ul>
 */
public final class NearDuplicateOrder {
    private NearDuplicateOrder() {}

    /** The facts about one article that the decision uses. */
    public record Seen(String articleId, long ingestedAtMillis, long seenAtMillis) {}

    /** True when {@code a} is the original of the pair {@code (a, b)}; exactly one of a and b is. */
    public static boolean isOriginal(Seen a, Seen b, Duration grace) {
        long apart = a.seenAtMillis() - b.seenAtMillis();
        if (apart != 0 && Math.abs(apart) >= grace.toMillis()) {
            return apart < 0;
        }
        return precedes(a, b);
    }

    /** Ingest time, then article id: the order among articles seen at about the same time. */
    public static boolean precedes(Seen a, Seen b) {
        if (a.ingestedAtMillis() != b.ingestedAtMillis()) {
            return a.ingestedAtMillis() < b.ingestedAtMillis();
        }
        return a.articleId().compareTo(b.articleId()) < 0;
    }
}
