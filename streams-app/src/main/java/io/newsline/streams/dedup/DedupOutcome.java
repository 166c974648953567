package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.ParsedArticle;

/**
 * What deduplication decided about one article: it goes on ({@code original}), it is a duplicate, or it was let
 * through as an original before an earlier article it repeats arrived and is now a duplicate ({@code retracted}:
 * whatever it produced downstream must be withdrawn).
 */
public record DedupOutcome(ParsedArticle original, DuplicateNotice duplicate, boolean retracted) {
    public static DedupOutcome original(ParsedArticle article) {
        return new DedupOutcome(article, null, false);
    }

    public static DedupOutcome duplicate(DuplicateNotice notice) {
        return new DedupOutcome(null, notice, false);
    }

    /** An article already let through as an original turned out to repeat an earlier one. */
    public static DedupOutcome revised(DuplicateNotice notice) {
        return new DedupOutcome(null, notice, true);
    }

    public boolean isDuplicate() {
        return duplicate != null;
    }
}
