package io.newsline.streams.query;

import io.newsline.avro.DuplicateNotice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link QueryStores#DUPLICATES}, keyed by article id: for a duplicate, the original it repeats (from the
 * notices keyed by duplicate id); for an original, the articles that repeated it (from the same notices keyed by
 * original id), at most {@value #MAX_LISTED} listed plus their total. Both streams are partitioned by the key, so
 * each side is written on the partition that owns the article.
 */
final class DuplicateRecorder implements Processor<String, DuplicateNotice, Void, Void> {
    static final int MAX_LISTED = 50;

    private final boolean keyedByOriginal;
    private KeyValueStore<String, byte[]> store;

    /** @param keyedByOriginal true for notices keyed by the original's id, false for those keyed by the duplicate's */
    DuplicateRecorder(boolean keyedByOriginal) {
        this.keyedByOriginal = keyedByOriginal;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueryStores.DUPLICATES);
    }

    @Override
    public void process(Record<String, DuplicateNotice> record) {
        DuplicateNotice notice = record.value();
        if (record.key() == null || notice == null || notice.getDuplicateId().equals(notice.getOriginalId())) {
            // A file sent again byte for byte has the same id: no relation between two articles (its source is in
            // the original's "also reported by").
            return;
        }
        Map<String, Object> held = StoredJson.decode(store.get(record.key()));
        Map<String, Object> relations = held == null ? new LinkedHashMap<>() : new LinkedHashMap<>(held);
        if (keyedByOriginal) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed =
                    new ArrayList<>((List<Map<String, Object>>) relations.getOrDefault("duplicatedBy", List.of()));
            if (listed.stream().anyMatch(d -> notice.getDuplicateId().equals(d.get("duplicateId")))) {
                return;
            }
            long total = ((Number) relations.getOrDefault("duplicatedByTotal", 0)).longValue() + 1;
            if (listed.size() < MAX_LISTED) {
                listed.add(Views.duplicate(notice, false));
            }
            relations.put("duplicatedBy", listed);
            relations.put("duplicatedByTotal", total);
        } else {
            relations.put("duplicateOf", Views.duplicate(notice, true));
        }
        store.put(record.key(), StoredJson.encode(relations));
    }
}
