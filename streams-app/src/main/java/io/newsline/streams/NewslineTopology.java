package io.newsline.streams;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TopicTimeline;
import io.newsline.streams.articles.ArticlesStage;
import io.newsline.streams.articles.EnrichStep;
import io.newsline.streams.articles.ParseStep;
import io.newsline.streams.avro.ParsedArticle;
import io.newsline.streams.dedup.DedupStage;
import io.newsline.streams.metrics.PipelineTaps;
import io.newsline.streams.query.QueryTopology;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.story.StoryTopology;
import io.newsline.streams.timeline.TimelineSettings;
import io.newsline.streams.timeline.TimelineStage;
import io.newsline.streams.topics.NewslineTopics;
import io.newsline.streams.topics.TopologySerdes;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

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
 *        originals  -> enrich-article (ArticlesStage, EnrichStep)
 *                      -> assign-story (StoryTopology, when newsline.story.enabled: the article's story from the
 *                         global store story-matching; storyId and a STORY topic on the article; its keeper, via
 *                         [<app>-story-updates], keeps stories (story-stories), publishes the
 *                         matching index [<app>-story-matching] and merges -> news.story-merges)
 *                      -> news.articles.enriched
 *   -> file-timeline-entries              (TimelineStage: one entry per topic, with "also reported by"; store timeline-filed)
 *        -> news.timeline-entries         (compacted, key topicId|articleId, partitioned by topic id)
 *   [duplicates-by-original]
 *   -> track-also-reported-by             (store timeline-filed) -> [timeline-also-reported-by repartition]
 * news.timeline-entries, read back as a table (store timeline-entries, restored from the topic: no changelog)
 *   -> index-timeline-entries             (stores timeline-index, timeline-locator; expiry -> tombstones)
 *   -> snapshot-dirty-timelines           (store timeline-dirty-topics; one snapshot per topic per interval)
 *        -> news.timelines                (compacted, key topicId)
 *   [timeline-also-reported-by] -> patch-also-reported-by -> news.timeline-entries (the whole entry, new list)
 *        (with the story stage: a list for an entry that moved with its merged story -> [<app>-timeline-rerouted-
 *         also-reported-by], read by patch-also-reported-by on the survivor's partition)
 * news.story-merges (with the story stage)
 *   -> move-merged-timeline-entries       (store timeline-merged-topics: merged story -> survivor; its entries move,
 *                                          and index-timeline-entries re-routes later ones and their retractions)
 * side branches for the HTTP API, when newsline.http.enabled (QueryTopology): record-article-views, record-duplicate-of, record-duplicated-by
 *   (stores article-views, article-duplicates), record-topic-directory (store topic-directory)
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
        KStream<String, EnrichedArticle> originals = articles.enrich(verdicts.originals());
        StorySettings stories = config.storySettings();
        if (stories.enabled()) {
            // On its own partition, with its storyId and STORY topic: still in order with the retractions below.
            originals = StoryTopology.create(builder, originals, stories, topics.storyMerges());
        }
        KStream<String, EnrichedArticle> retractions = articles.retractions(verdicts.retracted());
        KStream<String, EnrichedArticle> enriched = originals.merge(retractions, Named.as("merge-retractions"));
        articles.publish(enriched);
        KStream<String, TopicTimeline> snapshots;
        if (stories.enabled()) {
            // A merged story's entries go to the story it went into, late ones too: read back from
            // news.story-merges, which is keyed by the merged story's id and so partitioned like its entries.
            snapshots = timelines.build(
                    builder,
                    enriched,
                    verdicts.repeatsByOriginal(),
                    builder.stream(
                                    topics.storyMerges().name(),
                                    topics.storyMerges().consumed("read-story-merges"))
                            .mapValues(merge -> merge.getIntoStoryId(), Named.as("merged-story-target")),
                    TimelineSettings.reroutedListsTopic(config.applicationId()));
        } else {
            snapshots = timelines.build(builder, enriched, verdicts.repeatsByOriginal());
        }

        // The HTTP API's lookups (article views, duplicates, the topic directory) and the app's own metrics: side
        // branches that change nothing above.
        PipelineTaps.countDuplicates(verdicts.notices());
        if (config.httpEnabled()) {
            // Only the HTTP API reads these stores: without it they would cost state and changelog for nothing.
            QueryTopology.recordArticles(builder, enriched, verdicts.notices(), verdicts.repeatsByOriginal());
            QueryTopology.recordTopics(builder, snapshots);
        }

        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        return builder.build(properties);
    }
}
