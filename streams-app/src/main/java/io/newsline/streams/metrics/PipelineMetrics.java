package io.newsline.streams.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.newsline.article.story.DecidedStories;
import io.newsline.avro.DuplicateKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The app's own counters, recorded by the taps of {@link PipelineTaps}: articles in, enriched, duplicates by kind,
 * and the end-to-end latency from the producer reading a file ({@code source.ingestedAt}) to its enriched article
 * leaving the app; and the story stage's decisions, its merges and the decisions it holds until the index shows them.
 * Processors are created by Kafka Streams, so they find the instance of their app in the app's configs under {@link
 * #CONFIG} (one per app, so two instances in one JVM keep apart); without one (a TopologyTestDriver) they record into a
 * registry that keeps nothing.
 */
public final class PipelineMetrics {
    /** Key of this object in the Streams configs; not a setting anyone writes. */
    public static final String CONFIG = "newsline.internal.pipeline.metrics";

    private static final PipelineMetrics NONE = new PipelineMetrics(new CompositeMeterRegistry());

    private final Counter articlesIn;
    private final Counter enriched;
    private final Map<DuplicateKind, Counter> duplicates = new EnumMap<>(DuplicateKind.class);
    private final Timer endToEnd;
    private final Counter storiesFounded;
    private final Counter storiesJoined;
    private final DistributionSummary storyCandidates;
    private final Counter storyMerges;
    private final Counter storyRedirects;
    private final Map<StoryPart, Counter> storyCpu = new EnumMap<>(StoryPart.class);
    private final MeterRegistry registry;

    /** The story stage's processors, whose CPU time {@link #storyCpu} counts apart. */
    public enum StoryPart {
        /** Deciding an article's story (features, matching), up to forwarding the article. */
        ASSIGN,
        /** A story's keeper handling a message, its records included. */
        KEEP,
        /** The keepers' looks for twins (the wall-clock punctuation). */
        RECHECK,
        /** The global thread loading summaries into the matching index. */
        LOAD
    }

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
        storiesFounded = storyDecisions("founded").register(registry);
        storiesJoined = storyDecisions("joined").register(registry);
        storyCandidates = DistributionSummary.builder("newsline.story.candidates")
                .description("candidate stories an article was compared with (the stories under its blocking keys);"
                        + " with the decisions, what each decision costs: each candidate is one cosine")
                .baseUnit("stories")
                .register(registry);
        storyMerges = Counter.builder("newsline.story.merges")
                .description("stories merged into another: twins founded before either reached the matching index"
                        + " (many mean the index lags the decisions of other instances)")
                .register(registry);
        storyRedirects = Counter.builder("newsline.story.redirects")
                .description("articles decided onto a story already merged into another, sent on to the survivor's"
                        + " keeper (one more message each; many mean the deciding tasks learn of merges late)")
                .register(registry);
        for (StoryPart part : StoryPart.values()) {
            storyCpu.put(
                    part,
                    Counter.builder("newsline.story.cpu")
                            .baseUnit("seconds")
                            .description("CPU time of the story stage's own processors, by part (thread CPU time;"
                                    + " the deciding part stops before the article goes on to the timelines): what"
                                    + " the stage costs apart from Kafka's handling of its records")
                            .tag("part", part.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
        this.registry = registry;
    }

    /** The calling thread's CPU time in nanoseconds, for {@link #storyCpu} (about a microsecond per call). */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** A story processor's part spent the CPU time since {@code startNanos} ({@link #threadCpuNanos}). */
    public void storyCpu(StoryPart part, long startNanos) {
        storyCpu.get(part).increment((threadCpuNanos() - startNanos) / 1e9);
    }

    private static Counter.Builder storyDecisions(String decision) {
        return Counter.builder("newsline.story.decisions")
                .description("articles put on a story, by whether they founded it or joined it")
                .tag("decision", decision);
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

    /** An article was put on a story: one it founded, or one it joined, after comparing it with {@code candidates}. */
    public void storyDecided(boolean founded, int candidates) {
        (founded ? storiesFounded : storiesJoined).increment();
        storyCandidates.record(candidates);
    }

    /** A story was merged into another. */
    public void storyMerged() {
        storyMerges.increment();
    }

    /** An article reached the keeper of a story merged into another and was sent on to the survivor. */
    public void storyRedirected() {
        storyRedirects.increment();
    }

    /**
     * Reports how many of this instance's story decisions it holds for its deciding tasks ({@link DecidedStories});
     * registered once per app (later calls find the gauge there).
     */
    public void watch(DecidedStories decided) {
        Gauge.builder("newsline.story.decided.held", decided, DecidedStories::size)
                .description("stories this instance decided on, held until the matching index shows them (an entry"
                        + " goes when read after that, or after 30 s)")
                .strongReference(true)
                .register(registry);
    }
}
