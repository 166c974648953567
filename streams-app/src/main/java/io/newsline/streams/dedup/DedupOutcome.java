package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.ParsedArticle;

/** What deduplication decided about one article: it goes on ({@code original}) or it is a duplicate. */
public record DedupOutcome(ParsedArticle original, DuplicateNotice duplicate) {
    public static DedupOutcome original(ParsedArticle article) {
        return new DedupOutcome(article, null);
    }

    public static DedupOutcome duplicate(DuplicateNotice notice) {
        return new DedupOutcome(null, notice);
    }

    public boolean isDuplicate() {
        return duplicate != null;
    }
}
