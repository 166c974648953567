package io.newsline.streams.timeline;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files an enriched article (keyed by article id, on the article's partition) on its timelines: one entry per
 * topic, keyed {@code <topicId>|<articleId>}, which the topology writes straight to {@code news.timeline-entries}
 * (partitioned by topic id). The entries carry the sources that have repeated the article so far ("also reported
 * by", see {@link AlsoReportedTracker}), so no patch record ever reaches that topic.
 *
 * <p>It remembers each article's topics ({@link FiledArticle}, store {@code timeline-filed}, one write per article):
 * when the article comes again without a topic, that entry is removed (a tombstone) instead of lingering; a null
 * value means the article was retracted (it turned out to repeat an earlier one): every entry it has is removed and
 * the article is forgotten.
 *
 * <p>With a retention ({@code newsline.timeline.retention.ms}, against this task's stream time) an article older
 * than it is not filed and its existing entries are removed; every entry refused is counted (metric
 * {@code timeline-entries-dropped-for-age-total}) and logged with the running total, so nothing is dropped silently.
 * Deciding here, before anything is written, keeps refused entries off the output topic altogether.
 */
public final class ArticleFiler implements Processor<String, EnrichedArticle, String, TimelineEntry> {
    private static final Logger log = LoggerFactory.getLogger(ArticleFiler.class);
    private static final long DROP_LOG_INTERVAL_MS = 10_000;

    private final String storeName;
    private final Duration retention;
    private ProcessorContext<String, TimelineEntry> context;
    private KeyValueStore<Bytes, byte[]> filed;
    private Sensor droppedForAge;
    private Sensor writes;
    private long droppedTotal;
    private long lastDropLog = Long.MIN_VALUE;

    public ArticleFiler(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, TimelineEntry> context) {
        this.context = context;
        this.filed = context.getStateStore(storeName);
        this.writes = TimelineMetrics.storeWrites(context);
        if (!retention.isZero()) {
            droppedForAge = TimelineMetrics.counter(
                    context, "timeline-entries-dropped-for-age", "entries refused as older than the retention");
        }
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        String articleId = record.key();
        if (articleId == null) {
            return;
        }
        Bytes key = Bytes.wrap(TimelineKeys.articleKey(articleId));
        byte[] stored = filed.get(key);
        FiledArticle before = FiledArticle.decode(stored);
        EnrichedArticle article = record.value();
        if (article == null) {
            removeAll(record, articleId, before.topicIds());
            if (stored != null) {
                filed.delete(key);
                writes.record();
            }
            return;
        }
        Set<String> topicIds = new LinkedHashSet<>();
        article.getTopics().forEach(topic -> topicIds.add(topic.getId()));
        Instant oldestKept = oldestKept();
        if (article.getPublishedAt().isBefore(oldestKept)) {
            refuse(article, topicIds.size(), oldestKept);
            removeAll(record, articleId, before.topicIds());
            store(key, before, before.withTopicIds(List.of()));
            return;
        }
        List<String> alsoReportedBy = TimelineEntries.otherSources(
                before.sources(), article.getSource().getSourceUri());
        Set<String> written = new LinkedHashSet<>();
        for (Topic topic : article.getTopics()) {
            if (written.add(topic.getId())) {
                context.forward(record.withKey(TimelineKeys.entryKey(topic.getId(), articleId))
                        .withValue(TimelineEntries.of(article, topic, alsoReportedBy)));
            }
        }
        List<String> dropped = new ArrayList<>(before.topicIds());
        dropped.removeAll(written);
        removeAll(record, articleId, dropped);
        store(key, before, before.withTopicIds(List.copyOf(written)));
    }

    private void removeAll(Record<String, EnrichedArticle> record, String articleId, List<String> topicIds) {
        for (String topicId : topicIds) {
            context.forward(
                    record.withKey(TimelineKeys.entryKey(topicId, articleId)).withValue((TimelineEntry) null));
        }
    }

    /** Writes only a change: an article filed again under the same topics costs no store write. */
    private void store(Bytes key, FiledArticle before, FiledArticle after) {
        if (after.equals(before)) {
            return;
        }
        if (after.isEmpty()) {
            filed.delete(key);
        } else {
            filed.put(key, after.encode());
        }
        writes.record();
    }

    private void refuse(EnrichedArticle article, int entries, Instant oldestKept) {
        droppedForAge.record(entries);
        droppedTotal += entries;
        long wallClock = context.currentSystemTimeMs();
        if (lastDropLog != Long.MIN_VALUE && wallClock - lastDropLog < DROP_LOG_INTERVAL_MS) {
            return;
        }
        lastDropLog = wallClock;
        log.warn(
                "Task {}: article {} published {} is older than the retention {} allows ({}); its {} timeline"
                        + " entries are not added. {} entries refused for age so far (set {}=0 to keep every entry)",
                context.taskId(),
                article.getArticleId(),
                article.getPublishedAt(),
                retention,
                oldestKept,
                entries,
                droppedTotal,
                "newsline.timeline.retention.ms");
    }

    private Instant oldestKept() {
        long streamTime = context.currentStreamTimeMs();
        if (retention.isZero() || streamTime < 0) {
            return Instant.MIN;
        }
        return Instant.ofEpochMilli(streamTime).minus(retention);
    }
}
