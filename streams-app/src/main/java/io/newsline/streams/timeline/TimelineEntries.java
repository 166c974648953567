package io.newsline.streams.timeline;

import io.newsline.avro.DateSource;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;
import io.newsline.avro.TopicKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;

/** Builds the timeline entry of an article on one of its topics. */
public final class TimelineEntries {
    /**
     * Header that marks a record on the timeline repartition topic as a patch of an existing entry rather than the
     * entry itself; its value says what to patch. The timeline writer applies the patch to the entry it holds and
     * publishes the whole entry, without the header.
     */
    public static final String PATCH_HEADER = "newsline.timeline.patch";

    /** {@link #PATCH_HEADER} value: replace the entry's {@code alsoReportedBy} with the patch's. */
    public static final String PATCH_ALSO_REPORTED_BY = "also-reported-by";

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

    /**
     * A patch (see {@link #PATCH_HEADER}) that sets the sources that also reported an article on its entry in one
     * topic. Only topic id, article id and {@code alsoReportedBy} mean anything; the other fields are required by the
     * schema and left empty.
     */
    public static TimelineEntry alsoReportedByPatch(String topicId, String articleId, List<String> sources) {
        return TimelineEntry.newBuilder()
                .setTopicId(topicId)
                .setTopicLabel("")
                .setTopicKind(TopicKind.SUBJECT)
                .setArticleId(articleId)
                .setTitle("")
                .setPublishedAt(Instant.EPOCH)
                .setDateSource(DateSource.INGESTED)
                .setSummary("")
                .setSource("")
                .setAlsoReportedBy(List.copyOf(sources))
                .build();
    }

    /** The kind of patch a record's headers announce, or null for a whole entry. */
    public static String patchKind(Headers headers) {
        var header = headers.lastHeader(PATCH_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
