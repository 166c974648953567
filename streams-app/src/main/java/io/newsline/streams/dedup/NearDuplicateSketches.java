package io.newsline.streams.dedup;

import io.newsline.avro.NearDupCandidate;
import io.newsline.avro.NearDupPartner;
import io.newsline.avro.NearDupSketch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The sketch stage, on records keyed by article id: it holds every article's {@link NearDupSketch} (shingle hashes,
 * ingest and seen times; no text) for the retention, and attaches the stored sketch to each candidate that names
 * the article as partner, addressed to the article that must compare itself with it.
 *
 * <p>Sketches and candidates come from two topics, and a task does not read two topics in causal order (it
 * synchronises them by timestamp), so a candidate may arrive before the sketch it asks for. Such a candidate waits
 * in a second store, keyed {@code partnerId|articleId|band|counted}, until the sketch arrives; one whose partner
 * is older than the retention is answered at once with no sketch, and waiting candidates whose partner has since
 * fallen out of the retention are answered so by a stream-time punctuation.
 */
public final class NearDuplicateSketches {
    private NearDuplicateSketches() {}

    /** Stores arriving sketches and answers the candidates that were waiting for them. */
    public static final class Store implements Processor<String, NearDupSketch, String, NearDupPartner> {
        private final String sketchStore;
        private final String waitingStore;
        private ProcessorContext<String, NearDupPartner> context;
        private WindowStore<String, NearDupSketch> sketches;
        private KeyValueStore<String, NearDupCandidate> waiting;

        public Store(String sketchStore, String waitingStore) {
            this.sketchStore = sketchStore;
            this.waitingStore = waitingStore;
        }

        @Override
        public void init(ProcessorContext<String, NearDupPartner> context) {
            this.context = context;
            this.sketches = context.getStateStore(sketchStore);
            this.waiting = context.getStateStore(waitingStore);
        }

        @Override
        public void process(Record<String, NearDupSketch> record) {
            NearDupSketch sketch = record.value();
            if (sketch == null || record.key() == null) {
                return;
            }
            sketches.put(record.key(), sketch, record.timestamp());
            List<KeyValue<String, NearDupCandidate>> answered = new ArrayList<>();
            try (KeyValueIterator<String, NearDupCandidate> it =
                    waiting.prefixScan(record.key() + '|', new StringSerializer())) {
                it.forEachRemaining(answered::add);
            }
            for (KeyValue<String, NearDupCandidate> candidate : answered) {
                context.forward(partner(candidate.value, sketch, record.timestamp()));
                waiting.delete(candidate.key);
            }
        }
    }

    /** Answers a candidate with the partner's stored sketch, or parks it until the sketch arrives. */
    public static final class Attach implements Processor<String, NearDupCandidate, String, NearDupPartner> {
        private final String sketchStore;
        private final String waitingStore;
        private final Duration retention;
        private ProcessorContext<String, NearDupPartner> context;
        private WindowStore<String, NearDupSketch> sketches;
        private KeyValueStore<String, NearDupCandidate> waiting;

        public Attach(String sketchStore, String waitingStore, Duration retention) {
            this.sketchStore = sketchStore;
            this.waitingStore = waitingStore;
            this.retention = retention;
        }

        @Override
        public void init(ProcessorContext<String, NearDupPartner> context) {
            this.context = context;
            this.sketches = context.getStateStore(sketchStore);
            this.waiting = context.getStateStore(waitingStore);
            Duration every = retention.compareTo(Duration.ofHours(1)) < 0 ? retention : Duration.ofHours(1);
            context.schedule(every, PunctuationType.STREAM_TIME, this::expireWaiting);
        }

        @Override
        public void process(Record<String, NearDupCandidate> record) {
            NearDupCandidate candidate = record.value();
            if (candidate == null) {
                return;
            }
            NearDupSketch sketch = sketches.fetch(candidate.getPartnerId(), candidate.getPartnerTimestamp());
            if (sketch != null || expired(candidate, context.currentStreamTimeMs())) {
                context.forward(partner(candidate, sketch, record.timestamp()));
            } else {
                waiting.put(waitingKey(candidate), candidate);
            }
        }

        private boolean expired(NearDupCandidate candidate, long streamTime) {
            return streamTime >= 0 && candidate.getPartnerTimestamp() < streamTime - retention.toMillis();
        }

        private void expireWaiting(long streamTime) {
            List<KeyValue<String, NearDupCandidate>> expired = new ArrayList<>();
            try (KeyValueIterator<String, NearDupCandidate> it = waiting.all()) {
                while (it.hasNext()) {
                    KeyValue<String, NearDupCandidate> entry = it.next();
                    if (expired(entry.value, streamTime)) {
                        expired.add(entry);
                    }
                }
            }
            for (KeyValue<String, NearDupCandidate> entry : expired) {
                context.forward(partner(entry.value, null, streamTime));
                waiting.delete(entry.key);
            }
        }

        static String waitingKey(NearDupCandidate candidate) {
            return candidate.getPartnerId()
                    + '|'
                    + candidate.getArticleId()
                    + '|'
                    + candidate.getBand()
                    + '|'
                    + (candidate.getCounted() ? 'c' : 'u');
        }
    }

    static Record<String, NearDupPartner> partner(NearDupCandidate candidate, NearDupSketch sketch, long time) {
        NearDupPartner partner = NearDupPartner.newBuilder()
                .setArticleId(candidate.getArticleId())
                .setPartnerId(candidate.getPartnerId())
                .setCounted(candidate.getCounted())
                .setPartner(sketch)
                .build();
        return new Record<>(candidate.getArticleId(), partner, time);
    }
}
