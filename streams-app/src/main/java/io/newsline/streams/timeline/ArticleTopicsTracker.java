package io.newsline.streams.timeline;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns an enriched article into one timeline entry per topic, keyed {@code <topicId>|<articleId>}. It remembers
 * each article's topics so that, when the article comes again with fewer topics, the entries it no longer
 * belongs to are removed (a null value) instead of lingering. When given the store of {@link AlsoReportedTracker},
 * the entries carry the sources that have repeated the article so far.
 */
public final class ArticleTopicsTracker implements Processor<String, EnrichedArticle, String, TimelineEntry> {
    private final String storeName;
    private final String alsoReportedStoreName;
    private ProcessorContext<String, TimelineEntry> context;
    private KeyValueStore<String, String> articleTopics;
    private KeyValueStore<String, String> alsoReported;

    public ArticleTopicsTracker(String storeName) {
        this(storeName, null);
    }

    /** @param alsoReportedStoreName the store of {@link AlsoReportedTracker}, or null without "also reported by" */
    public ArticleTopicsTracker(String storeName, String alsoReportedStoreName) {
        this.storeName = storeName;
        this.alsoReportedStoreName = alsoReportedStoreName;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.articleTopics = context.getStateStore(storeName);
        this.alsoReported = alsoReportedStoreName == null ? null : context.getStateStore(alsoReportedStoreName);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return;
        }
        String articleId = article.getArticleId();
        Set<String> current = new LinkedHashSet<>();
        List<String> repeatedBy = alsoReported == null
                ? List.of()
                : AlsoReportedTracker.sourcesOtherThan(
                        alsoReported.get(articleId), article.getSource().getSourceUri());
        for (Topic topic : article.getTopics()) {
            if (current.add(topic.getId())) {
                TimelineEntry entry = TimelineEntries.of(article, topic);
                entry.setAlsoReportedBy(repeatedBy);
                context.forward(record.withKey(TimelineKeys.entryKey(topic.getId(), articleId))
                        .withValue(entry));
            }
        }
        String previous = articleTopics.get(articleId);
        if (previous != null) {
            Arrays.stream(previous.split("\n"))
                    .filter(topicId -> !topicId.isEmpty() && !current.contains(topicId))
                    .forEach(dropped -> context.forward(record.withKey(TimelineKeys.entryKey(dropped, articleId))
                            .withValue((TimelineEntry) null)));
        }
        articleTopics.put(articleId, current.stream().collect(Collectors.joining("\n")));
    }
}
