package io.newsline.streams.timeline;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;
import java.util.List;

/** Builds the timeline entry of an article on one of its topics. */
public final class TimelineEntries {
    private TimelineEntries() {}

    public static TimelineEntry of(EnrichedArticle article, Topic topic, List<String> alsoReportedBy) {
        return TimelineEntry.newBuilder()
                .setTopicId(topic.getId())
                .setTopicLabel(topic.getLabel())
                .setTopicKind(topic.getKind())
                .setArticleId(article.getArticleId())
                .setTitle(article.getTitle())
                .setPublishedAt(article.getPublishedAt())
                .setDateSource(article.getDateSource())
                .setByline(article.getBylines().isEmpty() ? null : String.join(" and ", article.getBylines()))
                .setSummary(article.getSummary())
                .setSalience(topic.getSalience())
                .setSource(article.getSource().getSourceUri())
                .setAlsoReportedBy(alsoReportedBy)
                .build();
    }

    /**
     * The entry listing {@code sources} (without its own) as "also reported by", or null when it already does: what
     * the patcher, and the indexer for a list that came before its entry, re-publish.
     */
    public static TimelineEntry withAlsoReportedBy(TimelineEntry entry, List<String> sources) {
        List<String> others = otherSources(sources, entry.getSource());
        return others.equals(entry.getAlsoReportedBy())
                ? null
                : TimelineEntry.newBuilder(entry).setAlsoReportedBy(others).build();
    }

    /** The sources that repeated an article, without the article's own (a file re-sent from the same place). */
    public static List<String> otherSources(List<String> sources, String ownSource) {
        return sources.stream()
                .filter(source -> !source.equals(ownSource))
                .distinct()
                .toList();
    }
}
