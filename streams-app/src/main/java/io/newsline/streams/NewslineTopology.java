package io.newsline.streams;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.ParsedArticle;
import io.newsline.streams.articles.ArticlesStage;
import io.newsline.streams.articles.EnrichStep;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.dedup.DedupStage;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.NewslineTopics;
import io.newsline.streams.topics.TopologySerdes;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The Newsline topology: three stages, each built with its settings, topics and steps ({@link ArticlesStage}:
 * parse and enrich; {@link DedupStage}: exact and near duplicates; {@link TimelineStage}: entries, timelines,
 * snapshots), composed top to bottom:
 *
 * <pre>
 * news.articles.raw
 *   -> parse-article                      (ArticlesStage, ParseStep: title, dek, byline, date, clean body,
 *                                          fingerprint)
 *   -> dedup-probe-article / [<app>-dedup-exchange] / dedup-handle-message
 *                                         (DedupStage: exact + near dedup by probes, replies, comparisons;
 *                                          stores dedup-band-index, -fingerprint-index, -decided, -pending,
 *                                          -waiting-articles)
 *        duplicates -> news.articles.duplicates, and by original id -> [duplicates-by-original repartition]
 *        retracted  -> a tombstone on news.articles.enriched and on the timelines
 *        originals  -> enrich-article (ArticlesStage, EnrichStep) -> news.articles.enriched
 *   -> file-timeline-entries              (TimelineStage: one entry per topic, with "also reported by"; store timeline-filed)
 *        -> news.timeline-entries         (compacted, key topicId|articleId, partitioned by topic id)
 *   [duplicates-by-original]
 *   -> track-also-reported-by             (store timeline-filed) -> [timeline-also-reported-by repartition]
 * news.timeline-entries, read back as a table (store timeline-entries, restored from the topic: no changelog)
 *   -> index-timeline-entries             (stores timeline-index, timeline-locator; expiry -> tombstones)
 *   -> snapshot-dirty-timelines           (store timeline-dirty-topics; one snapshot per topic per interval)
 *        -> news.timelines                (compacted, key topicId)
 *   [timeline-also-reported-by] -> patch-also-reported-by -> news.timeline-entries (the whole entry, new list)
 * </pre>
 *
 * Every processor, store and internal topic is named, and the app refuses generated names
 * ({@code ensure.explicit.internal.resource.naming}), so internal topics keep their names across versions.
 */
public final class NewslineTopology {
    private NewslineTopology() {}

    /** The topology with the default parser and enricher. */
    public static Topology build(StreamsAppConfig config, TopologySerdes serdes) {
        return build(config, NewslineTopics.from(serdes), new ParseStep(), new EnrichStep());
    }

    /** The topology with the given parse and enrich steps (tests give another enricher). */
    public static Topology build(
            StreamsAppConfig config, NewslineTopics topics, ParseStep parseStep, EnrichStep enrichStep) {
        ArticlesStage articles =
                new ArticlesStage(topics.rawArticles(), topics.enrichedArticles(), parseStep, enrichStep);
        DedupStage dedup = new DedupStage(config.dedupSettings(), topics.duplicates());
        TimelineStage timelines =
                new TimelineStage(topics.timelineEntries(), topics.timelines(), config.timelineSettings());

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ParsedArticle> parsed = articles.parse(builder);
        DedupStage.Verdicts verdicts = dedup.deduplicate(builder, parsed);
        KStream<String, EnrichedArticle> enriched = articles.enrich(verdicts.originals(), verdicts.retracted());
        timelines.build(builder, enriched, verdicts.repeatsByOriginal());

        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        return builder.build(properties);
    }
}
