package io.newsline.streams.dedup;

import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.ParsedArticle;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Exact deduplication on records keyed by body fingerprint: the first article seen with a fingerprint wins,
 * every later one within the retention becomes a {@link DuplicateKind#EXACT} notice and goes no further.
 *
 * <p>The fingerprints live in a window store whose retention bounds the state: after the retention an identical
 * body counts as new again. The store is looked up on both sides of the record's time so that a copy whose
 * timestamp is older than the original's (a re-sent file, a clock skew) is still caught.
 */
public final class ExactDuplicateFilter implements Processor<String, ParsedArticle, String, DedupOutcome> {
    private final String storeName;
    private final Duration retention;
    private ProcessorContext<String, DedupOutcome> context;
    private WindowStore<String, String> firstSeen;

    public ExactDuplicateFilter(String storeName, Duration retention) {
        this.storeName = storeName;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, DedupOutcome> context) {
        this.context = context;
        this.firstSeen = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, ParsedArticle> record) {
        ParsedArticle article = record.value();
        if (article == null) {
            return;
        }
        String fingerprint = record.key();
        long time = record.timestamp();
        String originalId = earliest(fingerprint, time);
        if (originalId == null) {
            firstSeen.put(fingerprint, article.getArticleId(), time);
            context.forward(record.withValue(DedupOutcome.original(article)));
            return;
        }
        DuplicateNotice notice = DuplicateNotice.newBuilder()
                .setDuplicateId(article.getArticleId())
                .setOriginalId(originalId)
                .setKind(DuplicateKind.EXACT)
                .setSimilarity(1.0)
                .setSeenAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setDuplicateSource(article.getSource().getSourceUri())
                .setTitle(article.getTitle())
                .build();
        context.forward(record.withValue(DedupOutcome.duplicate(notice)));
    }

    private String earliest(String fingerprint, long time) {
        long from = Math.max(0L, time - retention.toMillis());
        long to = time > Long.MAX_VALUE - retention.toMillis() ? Long.MAX_VALUE : time + retention.toMillis();
        try (WindowStoreIterator<String> seen = firstSeen.fetch(fingerprint, from, to)) {
            return seen.hasNext() ? seen.next().value : null;
        }
    }
}
