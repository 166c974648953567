package io.newsline.article.story;

import java.time.Duration;

/**
 * The settings of story clustering (the app's {@code newsline.story.*} settings; see README "Stories").
 *
 * @param threshold cosine similarity from which an article joins an open story
 * @param lateThreshold similarity needed to join a story that has been quiet for longer than {@code openFor}: a
 *     development weeks or months later joins only on strong evidence
 * @param openFor how long after its last article a story counts as open
 * @param retention how long after its last article a story can still be joined at all; then it leaves the
 *     matching index (its timeline stays)
 * @param blockingKeys how many of an article's strongest entities and keywords are used to find candidate stories
 * @param storyKeys how many of a story's strongest entities and keywords index it
 * @param maxTerms terms kept in a story's centroid (the strongest)
 * @param maxStoriesPerKey candidate stories read per blocking key (the most recently active)
 * @param mergeThreshold cosine similarity of two stories' centroids from which they are one story (merged)
 * @param summaryTerms centroid terms a story publishes to the matching index (the strongest)
 */
public record StoryParams(
        double threshold,
        double lateThreshold,
        Duration openFor,
        Duration retention,
        int blockingKeys,
        int storyKeys,
        int maxTerms,
        int maxStoriesPerKey,
        double mergeThreshold,
        int summaryTerms) {

    public static final double DEFAULT_THRESHOLD = 0.25;
    public static final double DEFAULT_LATE_THRESHOLD = 0.28;
    public static final Duration DEFAULT_OPEN_FOR = Duration.ofDays(7);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(730);
    public static final double DEFAULT_MERGE_THRESHOLD = 0.5;
    /** Stories of up to this many articles are joined at the time rule's threshold (see {@code StoryMatcher}). */
    public static final int CROWD_ONSET = 20;
    /**
     * How much the join threshold rises per e-fold of a story's size beyond {@link #CROWD_ONSET}. 0.3 was tried (the
     * largest story of 10,000 undated BBC + Reuters articles shrank, ECB+ did not move) and not kept: it closes a
     * story from about 245 articles, so a long-running story of a live feed would stop taking its articles.
     */
    public static final double CROWD_SLOPE = 0.1;

    /**
     * How much more similarity a join (or a merge) needs when the two sides name no actor in common: no person,
     * organisation or other named thing ({@code e:} features), places apart. A story is about someone or something
     * named; a join on shared vocabulary and places alone is how reports of one kind about different issuers, or of
     * different countries, gathered into one story on the 10,000-article run (docs/stories.md, "Joins without a shared
     * actor"). 0.05 (0.03 to 0.10 were measured) left every ECB+ row within 0.001 or better.
     */
    public static final double ACTORLESS_EXTRA = 0.05;

    /**
     * A similarity that rests on fewer shared terms than this, effectively ({@link TermVector#dotBreadth}: two terms
     * that carry it alike count 2), is narrow: it needs {@link #NARROW_EXTRA} more to join or merge. Two reports of one
     * event share many terms (names, places, the event's words, figures); on the 10,000-article run the joins of
     * different matters mostly rested on two to five heavy terms ({@code french} and {@code p:france}; a company's
     * name; {@code gdp}), and joins that mixed the two corpora almost all on fewer than eight. 5 to 8 were measured
     * (docs/stories.md, "Joins that rest on few terms"): with 6, ECB+ in the app's regime stayed as it was and path
     * order lost 0.001, while the articles in stories that mix the corpora fell by 37 to 62 %.
     */
    public static final double NARROW_BREADTH = 6;

    /**
     * How much more similarity a narrow join or merge needs ({@link #NARROW_BREADTH}); stacks with {@link
     * #ACTORLESS_EXTRA}. 0.03, 0.05, 0.1 and a veto were measured: a veto split ECB+'s events too (F1 -0.01).
     */
    public static final double NARROW_EXTRA = 0.05;

    public StoryParams {
        if (!(threshold > 0 && threshold <= 1) || !(lateThreshold >= threshold && lateThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "need 0 < threshold <= lateThreshold <= 1: " + threshold + ", " + lateThreshold);
        }
        if (openFor.isNegative() || retention.compareTo(openFor) < 0) {
            throw new IllegalArgumentException("need 0 <= openFor <= retention: " + openFor + ", " + retention);
        }
        if (!(mergeThreshold > 0 && mergeThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 < mergeThreshold <= 1: " + mergeThreshold);
        }
        if (blockingKeys < 1 || storyKeys < 1 || maxTerms < 1 || maxStoriesPerKey < 1 || summaryTerms < 1) {
            throw new IllegalArgumentException("key and term counts must be positive");
        }
    }

    /**
     * The similarity an article needs to join a story whose printed dates lie {@code gapMillis} from its own: the
     * threshold while the story is open, the late threshold after (the caller checks the retention).
     */
    public double joinThreshold(long gapMillis) {
        return gapMillis <= openFor.toMillis() ? threshold : lateThreshold;
    }

    public static StoryParams defaults() {
        return new StoryParams(
                DEFAULT_THRESHOLD,
                DEFAULT_LATE_THRESHOLD,
                DEFAULT_OPEN_FOR,
                DEFAULT_RETENTION,
                5,
                8,
                150,
                32,
                DEFAULT_MERGE_THRESHOLD,
                80);
    }

    public StoryParams withThresholds(double join, double late) {
        return new StoryParams(
                join,
                late,
                openFor,
                retention,
                blockingKeys,
                storyKeys,
                maxTerms,
                maxStoriesPerKey,
                mergeThreshold,
                summaryTerms);
    }

    public StoryParams withMergeThreshold(double merge) {
        return new StoryParams(
                threshold,
                lateThreshold,
                openFor,
                retention,
                blockingKeys,
                storyKeys,
                maxTerms,
                maxStoriesPerKey,
                merge,
                summaryTerms);
    }

    public StoryParams withSummaryTerms(int terms) {
        return new StoryParams(
                threshold,
                lateThreshold,
                openFor,
                retention,
                blockingKeys,
                storyKeys,
                maxTerms,
                maxStoriesPerKey,
                mergeThreshold,
                terms);
    }
}
