package io.newsline.streams.metrics;

import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Side branches of the topology that only count into {@link PipelineMetrics}; they forward nothing. (Counts are
 * of records processed: a record processed again after a crash counts twice, as Kafka's own metrics do.)
 */
public final class PipelineTaps {
    private PipelineTaps() {}

    public static void countArticlesIn(KStream<String, RawArticle> raw) {
        raw.process(
                () -> new Tap<RawArticle>((metrics, article) -> metrics.articleIn()), Named.as("count-articles-in"));
    }

    public static void countEnriched(KStream<String, EnrichedArticle> enriched) {
        enriched.process(
                () -> new Tap<EnrichedArticle>((metrics, article) -> {
                    if (article != null) {
                        metrics.enriched(
                                article.getSource().getIngestedAt().toEpochMilli(), System.currentTimeMillis());
                    }
                }),
                Named.as("count-enriched-articles"));
    }

    public static void countDuplicates(KStream<String, DuplicateNotice> notices) {
        notices.process(
                () -> new Tap<DuplicateNotice>((metrics, notice) -> {
                    if (notice != null) {
                        metrics.duplicate(notice.getKind());
                    }
                }),
                Named.as("count-duplicates"));
    }

    private interface Recording<V> {
        void record(PipelineMetrics metrics, V value);
    }

    private static final class Tap<V> implements Processor<String, V, Void, Void> {
        private final Recording<V> recording;
        private PipelineMetrics metrics;

        Tap(Recording<V> recording) {
            this.recording = recording;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            metrics = PipelineMetrics.of(context.appConfigs());
        }

        @Override
        public void process(Record<String, V> record) {
            recording.record(metrics, record.value());
        }
    }
}
