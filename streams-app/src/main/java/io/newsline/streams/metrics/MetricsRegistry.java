package io.newsline.streams.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsline.streams.errors.FailureStats;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The app's Prometheus registry: Kafka Streams' and its clients' metrics through Micrometer's
 * {@link KafkaStreamsMetrics} binder, JVM metrics, the app's own {@link PipelineMetrics}, dead letters and records the
 * global thread skipped, by reason (from {@link FailureStats}, per JVM because Kafka creates the handlers by class
 * name) and timeline entries dropped for age (the filing stage's Kafka metric, summed over tasks).
 */
public final class MetricsRegistry implements AutoCloseable {
    private static final String DROPPED_FOR_AGE = "timeline-entries-dropped-for-age-total";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics pipeline = new PipelineMetrics(registry);
    private final Set<String> registeredReasons = ConcurrentHashMap.newKeySet();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private KafkaStreamsMetrics streamsMetrics;

    public MetricsRegistry() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
    }

    public PipelineMetrics pipeline() {
        return pipeline;
    }

    /** Binds the metrics of a Kafka Streams instance (call before or after it starts). */
    public synchronized void bind(KafkaStreams streams) {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        FunctionCounter.builder("newsline.timeline.entries.dropped.for.age", streams, MetricsRegistry::droppedForAge)
                .description("timeline entries refused as older than newsline.timeline.retention.ms")
                .register(registry);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        FailureStats failures = FailureStats.shared();
        registerByReason(
                failures,
                FailureStats.Outcome.DEAD_LETTERED,
                "newsline.dead.letters",
                "records sent to news.articles.dlq, by the exception class (this JVM)");
        registerByReason(
                failures,
                FailureStats.Outcome.DROPPED_GLOBAL,
                "newsline.global.records.skipped",
                "records of a global store's topic (the story stage's matching index) skipped as unreadable, by"
                        + " reason class (this JVM; the global thread writes no dead letters)");
        registerByReason(
                failures,
                FailureStats.Outcome.DROPPED_NO_SOURCE,
                "newsline.punctuation.failures",
                "failures outside any source record (a punctuation, or one story's part of it), skipped and logged,"
                        + " by exception class (this JVM)");
        return registry.scrape();
    }

    /** A counter per reason of one outcome, registered the first time the reason is seen. */
    private void registerByReason(
            FailureStats failures, FailureStats.Outcome outcome, String name, String description) {
        for (String reason : failures.byReason(outcome).keySet()) {
            if (registeredReasons.add(outcome + " " + reason)) {
                FunctionCounter.builder(
                                name, failures, stats -> stats.byReason(outcome).getOrDefault(reason, 0L))
                        .description(description)
                        .tag("reason", reason)
                        .register(registry);
            }
        }
    }

    private static double droppedForAge(KafkaStreams streams) {
        double total = 0;
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> metric :
                streams.metrics().entrySet()) {
            if (metric.getKey().name().equals(DROPPED_FOR_AGE)
                    && metric.getValue().metricValue() instanceof Number n) {
                total += n.doubleValue();
            }
        }
        return total;
    }

    @Override
    public synchronized void close() {
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        gc.close();
        registry.close();
    }
}
