package io.newsline.streams.timeline;

import io.newsline.avro.DuplicateNotice;
import io.newsline.streams.avro.AlsoReportedPatch;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Also reported by", on the article's side: takes duplicate notices (exact and near) keyed by the id of the
 * original they repeat and remembers the duplicate's source URI with the original ({@link FiledArticle}, store
 * {@code timeline-filed}: distinct, in order, at most {@value #MAX_SOURCES}). An original not filed yet (its
 * notice came first) gets the list when {@link ArticleFiler} files it. An original already filed gets it through
 * {@link AlsoReportedPatcher}: this forwards, for each of its topics, the whole list keyed
 * {@code <topicId>|<articleId>} (an {@link AlsoReportedPatch}) to the small {@code timeline-also-reported-by}
 * repartition topic, partitioned by topic id like the entries, where the patcher rewrites the entry it holds. The
 * entries themselves are not stored here: that would cost every article's text once more in a changelog for the
 * few that are repeated.
 *
 * <p>A repeat from the original's own source (a re-sent file) is not another report; a byte-identical file from
 * another source is (it has the original's id, ids being content hashes; the own source is filtered out where
 * entries are written).
 */
public final class AlsoReportedTracker implements Processor<String, DuplicateNotice, String, AlsoReportedPatch> {
    /** At most this many sources are listed per article. */
    public static final int MAX_SOURCES = 100;

    private final String storeName;
    private ProcessorContext<String, AlsoReportedPatch> context;
    private KeyValueStore<Bytes, byte[]> filed;
    private Sensor writes;

    public AlsoReportedTracker(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, AlsoReportedPatch> context) {
        this.context = context;
        this.filed = context.getStateStore(storeName);
        this.writes = TimelineMetrics.storeWrites(context);
    }

    @Override
    public void process(Record<String, DuplicateNotice> record) {
        DuplicateNotice notice = record.value();
        String originalId = record.key();
        if (notice == null || originalId == null) {
            return;
        }
        String source = notice.getDuplicateSource();
        if (source == null || source.isBlank()) {
            return;
        }
        Bytes key = Bytes.wrap(TimelineKeys.articleKey(originalId));
        FiledArticle article = FiledArticle.decode(filed.get(key));
        if (article.sources().contains(source) || article.sources().size() >= MAX_SOURCES) {
            return;
        }
        List<String> sources = new ArrayList<>(article.sources());
        sources.add(source);
        filed.put(key, article.withSources(sources).encode());
        writes.record();
        AlsoReportedPatch patch = new AlsoReportedPatch(sources);
        for (String topicId : article.topicIds()) {
            context.forward(
                    record.withKey(TimelineKeys.entryKey(topicId, originalId)).withValue(patch));
        }
    }
}
