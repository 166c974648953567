package io.newsline.streams.query;

import io.newsline.avro.EnrichedArticle;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps {@link QueryStores#ARTICLES}: the bounded view of each enriched article; a retraction (null) removes it. */
final class ArticleViewRecorder implements Processor<String, EnrichedArticle, Void, Void> {
    private KeyValueStore<String, byte[]> views;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        views = context.getStateStore(QueryStores.ARTICLES);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            views.delete(record.key());
        } else {
            views.put(record.key(), StoredJson.encode(Views.article(record.value())));
        }
    }
}
