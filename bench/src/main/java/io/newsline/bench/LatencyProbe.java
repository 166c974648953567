package io.newsline.bench;

import io.newsline.common.Topics;
import io.newsline.producer.ArticlePublisher;
import io.newsline.producer.ProducerSettings;
import io.newsline.producer.read.ArticleFile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Latency from a raw record's send to its first timeline entry readable with read_committed, at fixed rates.
 *
 * <p>A pipeline instance of its own (fresh application id and state, started at the end of news.articles.raw, so
 * the preload is not in its way and its dedup state has seen none of the articles) runs while articles are sent
 * with the producer's code at a fixed rate. Every article is sent once; only articles that got a timeline entry in
 * the throughput runs are used, so one that never arrives here is lost or late, not an article without topics. A
 * read_committed consumer on news.timeline-entries notes when each article's first entry arrives, in the same JVM
 * and on the same clock as the send.
 */
final class LatencyProbe {
    /** Articles per second for so many seconds. */
    record Phase(int rate, int seconds) {
        int articles() {
            return rate * seconds;
        }

        static List<Phase> parseAll(List<String> specs) {
            List<Phase> phases = new ArrayList<>();
            for (String spec : specs) {
                String[] parts = spec.trim().split(":");
                try {
                    Phase phase = new Phase(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
                    if (parts.length != 2 || phase.rate() < 1 || phase.seconds() < 1) {
                        throw new NumberFormatException();
                    }
                    phases.add(phase);
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalArgumentException(
                            "--latency takes RATE:SECONDS pairs of positive whole numbers, not '" + spec + "'");
                }
            }
            return phases;
        }
    }

    /** What one phase measured; latencies in ms. */
    record PhaseResult(Phase phase, String load, int sent, List<Long> latenciesMs, double actualRate) {
        int arrived() {
            return latenciesMs.size();
        }

        int missing() {
            return sent - arrived();
        }
    }

    private final BenchCommand bench;
    private final StreamsRuns runs;
    private final List<Phase> phases;
    private final int warmup;
    private final int drainSeconds;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong lastArrival = new AtomicLong(System.nanoTime());

    LatencyProbe(BenchCommand bench, StreamsRuns runs, List<Phase> phases, int warmup, int drainSeconds) {
        this.bench = bench;
        this.runs = runs;
        this.phases = phases;
        this.warmup = warmup;
        this.drainSeconds = drainSeconds;
    }

    int articlesNeeded() {
        return warmup + phases.stream().mapToInt(Phase::articles).sum();
    }

    List<PhaseResult> run(List<ArticleFile> pool) throws InterruptedException {
        String appId = "bench-latency-" + bench.stamp();
        Path dir = bench.work().resolve(appId);
        // Starts where the raw topic ends now: committed for the new application id before it exists.
        bench.cluster().commitGroupOffsets(appId, bench.cluster().endOffsets(List.of(Topics.RAW_ARTICLES)));
        Map<TopicPartition, Long> entriesFrom = bench.cluster().endOffsets(List.of(Topics.TIMELINE_ENTRIES));
        if (pool.size() < articlesNeeded()) {
            bench.progress("latency: only " + pool.size() + " articles with timeline entries for the "
                    + articlesNeeded() + " wanted; the last phases send fewer");
        }
        List<PhaseResult> results = new ArrayList<>();
        try (OutcomeWatcher watcher =
                        new OutcomeWatcher(bench.cluster(), entriesFrom, null, Long.MAX_VALUE, this::onEntry);
                ArticlePublisher publisher = publisher()) {
            bench.progress("latency: starting a pipeline instance (application id " + appId + ")");
            ChildJvm app = bench.launch(
                    "latency pipeline",
                    runs.pipelineCommand(appId, dir.resolve("state"), dir.resolve("gc.log"), Map.of()),
                    dir.resolve("app.log"));
            int next = 0;
            int warm = Math.min(warmup, pool.size());
            if (warm > 0) {
                bench.progress("latency: " + warm + " warm-up articles (not measured)");
                List<ArticleFile> batch = pool.subList(0, warm);
                send(publisher, batch, 0, app);
                awaitArrivals(batch, app, Duration.ofSeconds(Math.max(drainSeconds, 120)));
                next = warm;
            }
            for (Phase phase : phases) {
                int n = Math.min(phase.articles(), pool.size() - next);
                List<ArticleFile> batch = pool.subList(next, next + n);
                next += n;
                String load = ProcStats.readLoadAverages();
                bench.progress(String.format(
                        Locale.ROOT, "latency: %d articles at %d/s (load average %s)", n, phase.rate(), load));
                double actual = send(publisher, batch, phase.rate(), app);
                awaitArrivals(batch, app, Duration.ofSeconds(drainSeconds));
                List<Long> latencies = new ArrayList<>();
                for (ArticleFile article : batch) {
                    Long arrived = arrivedAt.get(article.articleId());
                    Long sent = sentAt.get(article.articleId());
                    if (arrived != null && sent != null) {
                        latencies.add(Math.max(0, (arrived - sent) / 1_000_000));
                    }
                }
                PhaseResult result = new PhaseResult(phase, load, n, latencies, actual);
                results.add(result);
                bench.progress(String.format(
                        Locale.ROOT,
                        "latency at %d/s: %d sent, %d arrived%s",
                        phase.rate(),
                        n,
                        result.arrived(),
                        latencies.isEmpty()
                                ? ""
                                : ", p50 " + Percentiles.of(latencies, 50) + " ms, p99 " + Percentiles.of(latencies, 99)
                                        + " ms"));
            }
            app.stop(Duration.ofSeconds(60));
        }
        return results;
    }

    private void onEntry(ConsumerRecord<byte[], byte[]> record, long nanos) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String id = StreamsRuns.articleIdOf(new String(record.key(), StandardCharsets.UTF_8));
        if (sentAt.containsKey(id) && arrivedAt.putIfAbsent(id, nanos) == null) {
            lastArrival.set(nanos);
        }
    }

    /**
     * Sends the articles at {@code rate} per second (0: as fast as possible), each at its slot from the start, so a
     * late send does not shift the ones after it; the actual rate achieved.
     */
    private double send(ArticlePublisher publisher, List<ArticleFile> batch, int rate, ChildJvm app) {
        String host = hostName();
        long start = System.nanoTime();
        for (int i = 0; i < batch.size(); i++) {
            if (rate > 0) {
                long slot = start + (long) (i * 1e9 / rate);
                long wait;
                while ((wait = slot - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (!app.alive()) {
                throw new BenchCommand.BenchFailure(
                        "the latency pipeline exited; its log: " + app.log() + "\n" + app.tail());
            }
            ArticleFile article = batch.get(i);
            sentAt.put(article.articleId(), System.nanoTime());
            publisher.publish(article.toRawArticle(Instant.now(), host), new ArticlePublisher.Outcome() {
                @Override
                public void published(RecordMetadata metadata) {}

                @Override
                public void failed(String reason) {
                    bench.progress("latency: a send failed: " + reason);
                }
            });
        }
        // n sends span n - 1 intervals.
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds > 0 && batch.size() > 1 ? (batch.size() - 1) / seconds : Double.NaN;
    }

    /** Until every article arrived, or none did for {@code quiet} since the later of the last send and arrival. */
    private void awaitArrivals(List<ArticleFile> batch, ChildJvm app, Duration quiet) throws InterruptedException {
        long sentEnd = System.nanoTime();
        while (true) {
            long arrived = batch.stream()
                    .filter(a -> arrivedAt.containsKey(a.articleId()))
                    .count();
            if (arrived == batch.size()) {
                return;
            }
            if (!app.alive()) {
                throw new BenchCommand.BenchFailure(
                        "the latency pipeline exited; its log: " + app.log() + "\n" + app.tail());
            }
            long since = System.nanoTime() - Math.max(sentEnd, lastArrival.get());
            if (since > quiet.toNanos()) {
                bench.progress("latency: " + (batch.size() - arrived) + " of " + batch.size()
                        + " articles did not arrive; nothing new for " + quiet.toSeconds() + " s");
                return;
            }
            Thread.sleep(50);
        }
    }

    private ArticlePublisher publisher() {
        Map<String, Object> config = new java.util.HashMap<>(ProducerSettings.forProducer(ProducerSettings.resolve(
                4L * 1024 * 1024, null, Map.of(), Map.of(), bench.bootstrap(), bench.registry())));
        config.put("client.id", "newsline-bench-latency");
        return new ArticlePublisher(new KafkaProducer<>(config), Topics.RAW_ARTICLES);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
