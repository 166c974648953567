package io.newsline.streams.query;

import io.newsline.streams.timeline.TimelineStores;
import java.util.List;

/**
 * The state stores the HTTP API reads (interactive queries). The timeline stores are the pipeline's own; the
 * three below exist only for the API and are small: one record per article, per duplicate relation, per topic.
 */
public final class QueryStores {
    /** Article id -> a bounded JSON view of the enriched article (article partitions). */
    public static final String ARTICLES = "article-views";
    /** Article id -> what it duplicated and what duplicated it, JSON (article partitions). */
    public static final String DUPLICATES = "article-duplicates";
    /** Topic id -> label, kind, totals and date range of its timeline, JSON (topic partitions). */
    public static final String TOPICS = "topic-directory";

    private QueryStores() {}

    /** Every store the API reads, for the readiness probe. */
    public static List<String> all() {
        TimelineStores timeline = TimelineStores.standard();
        return List.of(ARTICLES, DUPLICATES, TOPICS, timeline.entries(), timeline.index(), timeline.filed());
    }
}
