package io.newsline.streams.timeline;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;

/** Builds the timeline entry of an article on one of its topics. */
public final class TimelineEntries {
    private TimelineEntries() {}

    public static TimelineEntry of(EnrichedArticle article, Topic topic) {
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
                .build();
    }
}
