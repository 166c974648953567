package io.newsline.streams.query;

import io.newsline.avro.TopicTimeline;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link QueryStores#TOPICS} from the snapshots as they are published (at most one per topic per snapshot
 * interval): label, kind, total and date range, a few hundred bytes per topic; an empty timeline's tombstone removes
 * it. Search and a timeline's header read it; the entries themselves come from the timeline stores.
 */
final class TopicDirectoryRecorder implements Processor<String, TopicTimeline, Void, Void> {
    private KeyValueStore<String, byte[]> topics;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        topics = context.getStateStore(QueryStores.TOPICS);
    }

    @Override
    public void process(Record<String, TopicTimeline> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            topics.delete(record.key());
        } else {
            topics.put(record.key(), StoredJson.encode(Views.topic(record.value())));
        }
    }
}
