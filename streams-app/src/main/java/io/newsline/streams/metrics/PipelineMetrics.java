package io.newsline.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.newsline.avro.DuplicateKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The app's own counters, recorded by the taps of {@link PipelineTaps}: articles in, enriched, duplicates by kind,
 * and the end-to-end latency from the producer reading a file ({@code source.ingestedAt}) to its enriched article
 * leaving the app. Processors are created by Kafka Streams, so they find the instance of their app in the app's
 * configs under {@link #CONFIG} (one per app, so two instances in one JVM keep apart); without one (a
 * TopologyTestDriver) they record into a registry that keeps nothing.
 */
public final class PipelineMetrics {
    /** Key of this object in the Streams configs; not a setting anyone writes. */
    public static final String CONFIG = "newsline.internal.pipeline.metrics";

    private static final PipelineMetrics NONE = new PipelineMetrics(new CompositeMeterRegistry());

    private final Counter articlesIn;
    private final Counter enriched;
    private final Map<DuplicateKind, Counter> duplicates = new EnumMap<>(DuplicateKind.class);
    private final Timer endToEnd;

    public PipelineMetrics(MeterRegistry registry) {
        articlesIn = Counter.builder("newsline.articles.in")
                .description("raw article records read from news.articles.raw")
                .register(registry);
        enriched = Counter.builder("newsline.articles.enriched")
                .description("articles parsed, found original and enriched")
                .register(registry);
        for (DuplicateKind kind : DuplicateKind.values()) {
            duplicates.put(
                    kind,
                    Counter.builder("newsline.duplicates")
                            .description("articles dropped as duplicates, by kind")
                            .tag("kind", kind.name())
                            .register(registry));
        }
        endToEnd = Timer.builder("newsline.end.to.end.latency")
                .description("from the producer reading the file to the enriched article leaving the app")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    /** The instance in the configs of a processor's app, or one that keeps nothing. */
    public static PipelineMetrics of(Map<String, Object> appConfigs) {
        return appConfigs.get(CONFIG) instanceof PipelineMetrics metrics ? metrics : NONE;
    }

    void articleIn() {
        articlesIn.increment();
    }

    void enriched(long ingestedAtMillis, long nowMillis) {
        enriched.increment();
        endToEnd.record(Duration.ofMillis(Math.max(0, nowMillis - ingestedAtMillis)));
    }

    void duplicate(DuplicateKind kind) {
        duplicates.get(kind).increment();
    }
}
