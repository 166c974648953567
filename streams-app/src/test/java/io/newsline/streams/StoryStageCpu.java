package io.newsline.streams;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsline.avro.RawArticle;
import io.newsline.common.Topics;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.streams.metrics.PipelineMetrics;
import io.newsline.streams.story.StorySettings;
import io.newsline.streams.topics.TopologySerdes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The story stage's CPU per article in the topology with the JIT warm: the whole topology in a {@link
 * TopologyTestDriver} (every processor, serde and RocksDB store runs on the calling thread), fed the same articles
 * with the stage on and off, alternately, round after round in one JVM; the first rounds warm the JIT and are not
 * counted. Prints, per measured round, the thread CPU and the bytes allocated per article on and off, and the stage's
 * own processors' CPU (the app's meter {@code newsline.story.cpu}, by part), then the medians and the difference:
 * what the stage costs a long-running app's stream thread.
 *
 * <p>What it leaves out, so the real bench ({@code ./newsline bench --also-with newsline.story.enabled=false}) stays
 * the figure of record: the broker round trips, the producer's compression and network thread, commits and
 * transactions (the driver commits after every record), the global thread's consumer (the driver feeds the global
 * store in line), and the JIT compiler's own threads. Its use is comparing two versions of the stage on a warm JIT,
 * where one bench run's warm-up spreads by more than a change moves it.
 *
 * <p>Run from the repository root (files as {@link StoryFootprint} takes them: each folder sorted, one file of each
 * in turn):
 *
 * <pre>
 * mvn -B -q -o -pl streams-app -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * cd streams-app &amp;&amp; java -Xmx2g -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.newsline.streams.StoryStageCpu max-articles warm-up-rounds measured-rounds folder...
 * </pre>
 */
public final class StoryStageCpu {
    private static final Instant INGESTED = Instant.parse("2026-01-10T08:00:00Z");

    /** {@code on} or {@code off} runs one side only (for a profiler); both by default. */
    private static final String ONLY = System.getProperty("story.stage", "");

    private StoryStageCpu() {}

    public static void main(String[] args) throws IOException {
        int max = Integer.parseInt(args[0]);
        int warmUp = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        String[] folders = Arrays.copyOfRange(args, 3, args.length);
        List<RawArticle> articles = new ArrayList<>();
        for (Path file : StoryFootprint.interleaved(folders, max)) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            articles.add(TestArticles.raw(file.getFileName().toString(), text, null, INGESTED));
        }
        System.out.printf(
                "%d articles, %d warm-up rounds, %d measured rounds (stage on, then off, each round)%n",
                articles.size(), warmUp, measured);
        double[][] cpu = new double[2][measured];
        double[][] allocated = new double[2][measured];
        double[] own = new double[measured];
        for (int round = 0; round < warmUp + measured; round++) {
            for (int on = 1; on >= 0; on--) {
                if (!ONLY.isEmpty() && !ONLY.equals(on == 1 ? "on" : "off")) {
                    continue; // a profile of one side (-Dstory.stage=on or off)
                }
                SimpleMeterRegistry meters = new SimpleMeterRegistry();
                long[] cost = run(articles, on == 1, new PipelineMetrics(meters));
                double cpuMs = cost[0] / 1e6 / articles.size();
                double bytes = cost[1] / (double) articles.size();
                Map<String, Double> parts = new TreeMap<>();
                meters.find("newsline.story.cpu")
                        .counters()
                        .forEach(c -> parts.put(c.getId().getTag("part"), c.count() * 1000 / articles.size()));
                StringBuilder partsText = new StringBuilder();
                parts.forEach((part, ms) -> partsText.append(String.format(" %s %.3f", part, ms)));
                DistributionSummary candidates =
                        meters.find("newsline.story.candidates").summary();
                if (candidates != null && candidates.count() > 0) {
                    partsText.append(String.format("; %.1f candidate stories per decision", candidates.mean()));
                }
                double ownMs =
                        parts.values().stream().mapToDouble(Double::doubleValue).sum();
                boolean counted = round >= warmUp;
                System.out.printf(
                        "round %d%s, stage %s: %.3f ms CPU, %,.0f B allocated per article%s%n",
                        round + 1,
                        counted ? "" : " (warm-up)",
                        on == 1 ? "on " : "off",
                        cpuMs,
                        bytes,
                        on == 1 ? String.format(" (the stage's own processors %.3f ms:%s)", ownMs, partsText) : "");
                if (counted) {
                    cpu[on][round - warmUp] = cpuMs;
                    allocated[on][round - warmUp] = bytes;
                    if (on == 1) {
                        own[round - warmUp] = ownMs;
                    }
                }
            }
        }
        double on = median(cpu[1]);
        double off = median(cpu[0]);
        System.out.printf(
                "median per article: on %.3f ms, off %.3f ms, the stage %+.3f ms CPU (its own processors %.3f ms);"
                        + " allocated on %,.0f B, off %,.0f B, the stage %+,.0f B%n",
                on,
                off,
                on - off,
                median(own),
                median(allocated[1]),
                median(allocated[0]),
                median(allocated[1]) - median(allocated[0]));
    }

    /** One pass of the articles through a fresh topology: {thread CPU ns, bytes allocated}. */
    private static long[] run(List<RawArticle> articles, boolean storyOn, PipelineMetrics metrics) throws IOException {
        InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
        StreamsAppConfig config = StreamsAppConfig.of(Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092", StorySettings.ENABLED, String.valueOf(storyOn)));
        Properties properties = new Properties();
        properties.putAll(config.clientSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "story-stage-cpu");
        properties.put(PipelineMetrics.CONFIG, metrics); // the stage's own CPU (newsline.story.cpu), by part
        Path stateDir = Files.createTempDirectory("story-stage-cpu");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long cpu;
        long allocated;
        try (TopologyTestDriver driver = new TopologyTestDriver(
                NewslineTopology.build(config, TopologySerdes.withClient(registry)), properties)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(
                    Topics.RAW_ARTICLES, new StringSerializer(), new SpecificAvroSerializer<>(registry));
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long allocatedBefore = threads.getThreadAllocatedBytes(thread);
            for (RawArticle article : articles) {
                raw.pipeInput(article.getArticleId(), article);
                driver.advanceWallClockTime(Duration.ofMillis(10));
            }
            cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        }
        deleteRecursively(stateDir);
        return new long[] {cpu, allocated};
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
