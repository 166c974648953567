package io.newsline.streams.dedup;

import io.newsline.avro.NearDupBand;
import io.newsline.avro.NearDupBandResult;
import io.newsline.avro.NearDupCandidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The band stage, on records keyed by band key: every article that shares a band key meets here. For each band of
 * an article it looks up the articles stored under the same key (bounded by the retention of the window store),
 * and for each such partner sends two candidates to the sketch stage: one the article's verdict counts on (compare
 * me with the partner's sketch) and a courtesy copy for the partner (compare yourself with my sketch), so that the
 * partner learns of a near duplicate that came after it in this band but may precede it by ingest time. The
 * courtesy copy is only sent when the two record timestamps are within the courtesy window (the verdict stage's
 * max wait): a partner older than that has long been decided, and would only keep a useless message. Then it
 * reports to the article's verdict how many counted candidates the band produced, and stores the article under
 * the key.
 *
 * <p>State per article and band: the band key, the timestamp and the article id (see {@link ArticleIdSerde}).
 * At most {@value #MAX_PARTNERS_PER_BAND} partners are taken per band, the oldest first, which bounds the work for
 * a story repeated hundreds of times while still reaching its first publication.
 */
public final class NearDuplicateBandIndex implements Processor<Long, NearDupBand, String, Object> {
    static final int MAX_PARTNERS_PER_BAND = 64;

    private final String storeName;
    private final Duration retention;
    private final Duration courtesyWindow;
    private ProcessorContext<String, Object> context;
    private WindowStore<Long, String> members;

    public NearDuplicateBandIndex(String storeName, Duration retention, Duration courtesyWindow) {
        this.storeName = storeName;
        this.retention = retention;
        this.courtesyWindow = courtesyWindow;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.members = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<Long, NearDupBand> record) {
        NearDupBand band = record.value();
        if (band == null || record.key() == null) {
            return;
        }
        String articleId = band.getArticleId();
        long time = record.timestamp();
        List<KeyValue<Long, String>> partners = partners(record.key(), articleId, time);
        for (KeyValue<Long, String> partner : partners) {
            context.forward(new Record<>(
                    partner.value,
                    (Object) new NearDupCandidate(articleId, partner.value, band.getBand(), partner.key, true),
                    time));
            if (Math.abs(time - partner.key) <= courtesyWindow.toMillis()) {
                context.forward(new Record<>(
                        articleId,
                        (Object) new NearDupCandidate(partner.value, articleId, band.getBand(), time, false),
                        time));
            }
        }
        context.forward(new Record<>(
                articleId, (Object) new NearDupBandResult(articleId, band.getBand(), partners.size()), time));
        members.put(record.key(), articleId, time);
    }

    private List<KeyValue<Long, String>> partners(long bandKey, String articleId, long time) {
        long span = retention.toMillis();
        long from = Math.max(0L, time - span);
        long to = time > Long.MAX_VALUE - span ? Long.MAX_VALUE : time + span;
        List<KeyValue<Long, String>> partners = new ArrayList<>();
        try (KeyValueIterator<Long, String> stored = members.fetch(bandKey, from, to)) {
            while (stored.hasNext() && partners.size() < MAX_PARTNERS_PER_BAND) {
                KeyValue<Long, String> member = stored.next();
                if (!member.value.equals(articleId)) {
                    partners.add(member);
                }
            }
        }
        return partners;
    }
}
