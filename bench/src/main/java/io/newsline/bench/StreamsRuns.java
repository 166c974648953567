package io.newsline.bench;

import io.newsline.common.Topics;
import io.newsline.streams.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/** One measured run of the pipeline or of the pass-through app, each a child JVM from a fresh application id. */
final class StreamsRuns {
    /** Share of the articles treated as warm-up: CPU per article counts only from there to the last outcome. */
    static final double WARM_UP_SHARE = 0.2;
    /** How often the JIT compiler threads' CPU is sampled while a run is measured ({@link CompilerCpu}). */
    private static final long JIT_SAMPLE_NANOS = Duration.ofSeconds(1).toNanos();

    static final List<String> OUTCOME_TOPICS =
            List.of(Topics.ENRICHED_ARTICLES, Topics.DUPLICATES, Topics.DEAD_LETTERS);

    /** The app's topics other than its input: what it writes besides its internal topics. */
    static final List<String> OUTPUT_TOPICS = TopicProvisioner.topics().stream()
            .map(TopicProvisioner.TopicSpec::name)
            .filter(topic -> !topic.equals(Topics.RAW_ARTICLES))
            .toList();

    /** How long to wait, after the app stopped, for the markers of its last transactions. */
    private static final Duration MARKER_WAIT = Duration.ofSeconds(30);

    /**
     * @param items articles (pipeline) or records (pass-through) measured
     * @param seconds from the first output to the last outcome
     * @param cpuMsSteady CPU ms per item from the warm-up mark to the last outcome
     * @param cpuMsWhole CPU ms per item over the whole process until the last outcome (start-up included)
     * @param jitMsSteady of {@code cpuMsSteady}, the JIT compiler threads' ({@link CompilerCpu})
     * @param storyMsSteady of {@code cpuMsSteady}, the story stage's own processors' by part (the app's {@value
     *     AppMetrics#STORY_CPU}; empty when not known: the pass-through, the HTTP API off)
     * @param internalTopicBytes bytes on disk per internal topic, names without the application id
     * @param storeBytes bytes on disk per state store after a clean close
     * @param internalTopicRecords records per internal topic from its log segments (names without the application
     *     id); empty when the broker's log directories cannot be read here
     * @param outputTopicRecords records this run wrote to each output topic, read back with read_committed
     */
    record RunResult(
            String kind,
            int round,
            String load,
            long items,
            long done,
            double seconds,
            double cpuMsSteady,
            double cpuMsWhole,
            double jitMsSteady,
            Map<String, Double> storyMsSteady,
            OptionalLong heapPeak,
            OptionalLong rssPeak,
            boolean cleanStop,
            Map<String, Long> internalTopicBytes,
            Map<String, Long> storeBytes,
            Optional<Map<String, SegmentRecords.Count>> internalTopicRecords,
            Map<String, Long> outputTopicRecords,
            long timelineEntries,
            Set<String> idsWithEntries) {

        /** The story stage's own processors' steady-state CPU per item, all parts (NaN when not known). */
        double storyMsSteadyTotal() {
            return storyMsSteady.isEmpty()
                    ? Double.NaN
                    : storyMsSteady.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum();
        }

        /** The steady state's CPU per item without the JIT compiler threads': what a long-running app keeps paying. */
        double cpuMsSteadyWithoutJit() {
            return cpuMsSteady - jitMsSteady;
        }

        double perSecond() {
            return seconds > 0 ? done / seconds : Double.NaN;
        }

        boolean complete() {
            return done >= items;
        }
    }

    private final BenchCommand bench;
    private final Path jar;
    private final List<String> jvmOptions;

    StreamsRuns(BenchCommand bench, Path jar, String jvmOptions) {
        this.bench = bench;
        this.jar = jar;
        this.jvmOptions = jvmOptions.isBlank()
                ? List.of()
                : Arrays.asList(jvmOptions.trim().split("\\s+"));
    }

    /** `newsline stream` as production runs it (exactly-once v2 and every other default), --partitions apart. */
    List<String> pipelineCommand(String appId, Path stateDir, Path gcLog, Map<String, String> settings) {
        List<String> command = new ArrayList<>();
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "stream",
                "--bootstrap-servers",
                bench.bootstrap(),
                "--schema-registry-url",
                bench.registry(),
                "--application-id",
                appId,
                "--state-dir",
                stateDir.toString(),
                "-X",
                "newsline.topics.partitions=" + bench.partitions()));
        settings.forEach((key, value) -> command.addAll(List.of("-X", key + "=" + value)));
        return command;
    }

    RunResult pipeline(int round) throws InterruptedException {
        return pipeline(round, Map.of());
    }

    /**
     * A pipeline run with these app settings besides the defaults ({@code --also-with}); its kind is "pipeline" when
     * there are none, "variant" otherwise.
     */
    RunResult pipeline(int round, Map<String, String> settings) throws InterruptedException {
        String kind = settings.isEmpty() ? "pipeline" : "variant";
        String appId = "bench-" + kind + "-" + bench.stamp() + "-r" + round;
        Path dir = bench.work().resolve(appId);
        Path stateDir = dir.resolve("state");
        String name = (settings.isEmpty() ? "pipeline" : "pipeline with " + settings) + " round " + round;
        startAtPreload(appId);
        Map<TopicPartition, Long> outcomesFrom = bench.cluster().endOffsets(OUTCOME_TOPICS);
        Map<TopicPartition, Long> entriesFrom = bench.cluster().endOffsets(List.of(Topics.TIMELINE_ENTRIES));
        Map<TopicPartition, Long> outputsFrom = bench.cluster().endOffsets(OUTPUT_TOPICS);
        Set<String> ids = bench.articleIds();
        try (OutcomeWatcher watcher = new OutcomeWatcher(bench.cluster(), outcomesFrom, ids, ids.size(), null)) {
            String load = ProcStats.readLoadAverages();
            bench.progress(
                    name + ": starting `newsline stream` (application id " + appId + ", load average " + load + ")");
            String http = AppMetrics.freeLoopbackAddress();
            Map<String, String> withHttp = new java.util.LinkedHashMap<>();
            withHttp.put("newsline.http.listen", http); // where the bench reads the app's meters
            withHttp.putAll(settings);
            ChildJvm app = bench.launch(
                    name, pipelineCommand(appId, stateDir, dir.resolve("gc.log"), withHttp), dir.resolve("app.log"));
            Measured measured = measure(name, "articles", app, watcher, new AppMetrics(http));
            awaitDrained(name, appId, app);
            bench.progress(name + ": stopping the app");
            boolean clean = app.stop(Duration.ofSeconds(60));
            List<String> internalTopics = internalTopicNames(appId);
            awaitTransactionsSettled(name, internalTopics);
            Map<String, Long> internal = withoutPrefix(appId, bench.cluster().sizeOnDisk(internalTopics));
            Optional<Map<String, SegmentRecords.Count>> internalRecords =
                    bench.cluster().recordsOnDisk(internalTopics).map(counts -> withoutPrefix(appId, counts));
            Map<String, Long> outputRecords = outputRecords(outputsFrom);
            Map<String, Long> stores = StoreSizes.of(stateDir.resolve(appId));
            Set<String> withEntries = new HashSet<>();
            long entries = timelineEntries(entriesFrom, withEntries);
            bench.progress(name + ": " + Fmt.count(entries) + " timeline entries, " + internal.size()
                    + " internal topics, " + stores.size() + " stores on disk");
            return new RunResult(
                    kind,
                    round,
                    load,
                    ids.size(),
                    measured.done,
                    measured.seconds,
                    measured.cpuMsSteady,
                    measured.cpuMsWhole,
                    measured.jitMsSteady,
                    measured.storyMsSteady,
                    GcLog.peakUsedBytes(dir.resolve("gc.log")),
                    measured.rssPeak,
                    clean,
                    internal,
                    stores,
                    internalRecords,
                    outputRecords,
                    entries,
                    withEntries);
        }
    }

    RunResult passThrough(int round) throws InterruptedException {
        String appId = "bench-passthrough-" + bench.stamp() + "-r" + round;
        String copy = "bench.passthrough-" + bench.stamp() + "-r" + round;
        Path dir = bench.work().resolve(appId);
        bench.cluster().createTopic(copy, bench.partitions());
        startAtPreload(appId);
        Map<TopicPartition, Long> from = new HashMap<>();
        bench.cluster().partitions(copy).forEach(tp -> from.put(tp, 0L));
        long records = bench.rawRecords();
        try (OutcomeWatcher watcher = new OutcomeWatcher(bench.cluster(), from, null, records, null)) {
            String load = ProcStats.readLoadAverages();
            bench.progress("pass-through round " + round + ": starting (application id " + appId + ", load average "
                    + load + ")");
            List<String> command = new ArrayList<>();
            command.add("-Xlog:gc:file=" + dir.resolve("gc.log"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp",
                    bench.ownClassPath(),
                    PassThroughApp.class.getName(),
                    bench.bootstrap(),
                    appId,
                    dir.resolve("state").toString(),
                    Topics.RAW_ARTICLES,
                    copy));
            ChildJvm app = bench.launch("pass-through round " + round, command, dir.resolve("app.log"));
            Measured measured = measure("pass-through round " + round, "records", app, watcher, null);
            boolean clean = app.stop(Duration.ofSeconds(60));
            return new RunResult(
                    "pass-through",
                    round,
                    load,
                    records,
                    measured.done,
                    measured.seconds,
                    measured.cpuMsSteady,
                    measured.cpuMsWhole,
                    measured.jitMsSteady,
                    Map.of(),
                    GcLog.peakUsedBytes(dir.resolve("gc.log")),
                    measured.rssPeak,
                    clean,
                    Map.of(),
                    Map.of(),
                    Optional.empty(),
                    Map.of(),
                    0,
                    Set.of());
        }
    }

    /**
     * A fresh application id reads the raw topic from the start of the preload: from the beginning on the bench's
     * own broker; on a given one that already held records, from offsets committed for it beforehand.
     */
    void startAtPreload(String appId) {
        if (bench.rawStart().values().stream().anyMatch(offset -> offset > 0)) {
            bench.cluster().commitGroupOffsets(appId, bench.rawStart());
        }
    }

    /**
     * Waits until the app has consumed everything on its source topics (the raw topic and its repartition topics),
     * so that what comes after the outcomes (timeline entries, their stores and changelogs) is complete before it is
     * stopped and measured. Done when, twice in a row, every partition the application id has committed offsets for
     * is at most one offset (a transaction marker) behind its read_committed end. With exactly-once, a task's input
     * offsets and its output records commit in one transaction, so records still in flight always show as lag.
     */
    void awaitDrained(String name, String appId, ChildJvm app) throws InterruptedException {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(bench.stallSeconds()).toNanos();
        int inARow = 0;
        long lag = -1;
        while (inARow < 2) {
            if (!app.alive()) {
                throw new BenchCommand.BenchFailure(
                        name + " exited while draining its topics; its log: " + app.log() + "\n" + app.tail());
            }
            if (System.nanoTime() > deadline) {
                bench.progress(name + ": still " + lag + " records behind on its source topics after "
                        + bench.stallSeconds() + " s; measuring what there is");
                return;
            }
            Map<TopicPartition, Long> committed = bench.cluster().committedOffsets(appId);
            Set<String> topics = new HashSet<>();
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            Map<TopicPartition, Long> end = bench.cluster().endOffsets(topics);
            lag = 0;
            boolean drained = !committed.isEmpty();
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                long behind = partition.getValue() - committed.getOrDefault(partition.getKey(), 0L);
                lag += Math.max(0, behind);
                drained &= behind <= 1;
            }
            inARow = drained ? inARow + 1 : 0;
            Thread.sleep(500);
        }
    }

    /**
     * @param jitMsSteady of {@code cpuMsSteady}, the JIT compiler threads' CPU ms per item ({@link CompilerCpu})
     */
    private record Measured(
            double seconds,
            long done,
            double cpuMsSteady,
            double cpuMsWhole,
            double jitMsSteady,
            Map<String, Double> storyMsSteady,
            OptionalLong rssPeak) {}

    /**
     * Waits until every item has an outcome (or the app dies, or nothing moves for --stall-timeout), sampling the
     * app's CPU time and the outcome count every 100 ms.
     */
    private Measured measure(String name, String unit, ChildJvm app, OutcomeWatcher watcher, AppMetrics meters)
            throws InterruptedException {
        Map<String, Double> storyAtMark = Map.of();
        long target = watcher.target();
        long warmUpMark = (long) Math.ceil(target * WARM_UP_SHARE);
        long steadyCpu = -1;
        long steadyCount = -1;
        CompilerCpu compiler = new CompilerCpu();
        long steadyJit = -1;
        long lastJitSample = 0;
        long lastCount = -1;
        long lastMove = System.nanoTime();
        long lastReport = System.nanoTime();
        long cpu = 0;
        OptionalLong rss = OptionalLong.empty();
        double tick = 1000.0 / ProcStats.clockTicksPerSecond();
        while (true) {
            long count = watcher.count();
            OptionalLong ticks = ProcStats.readCpuTicks(app.pid());
            if (ticks.isPresent()) {
                cpu = ticks.getAsLong();
            }
            OptionalLong hwm = ProcStats.readPeakRss(app.pid());
            if (hwm.isPresent()) {
                rss = hwm;
            }
            long now = System.nanoTime();
            boolean atMark = steadyCpu < 0 && count >= warmUpMark;
            if (atMark || watcher.complete() || now - lastJitSample > JIT_SAMPLE_NANOS) {
                compiler.sample(app.pid()); // once a second: reading every thread's stat costs the bench CPU
                lastJitSample = now;
            }
            if (atMark) {
                steadyCpu = cpu;
                steadyCount = count;
                steadyJit = compiler.ticks();
                storyAtMark = meters == null ? Map.of() : meters.storyCpuSeconds();
            }
            if (watcher.complete()) {
                break;
            }
            if (count != lastCount) {
                lastCount = count;
                lastMove = now;
            }
            if (!app.alive()) {
                throw new BenchCommand.BenchFailure(name + " exited before every " + unit + " had an outcome ("
                        + Fmt.count(count) + " of " + Fmt.count(target) + "); its log: " + app.log() + "\n"
                        + app.tail());
            }
            if (now - lastMove > Duration.ofSeconds(bench.stallSeconds()).toNanos()) {
                bench.progress(name + ": no progress for " + bench.stallSeconds() + " s at " + Fmt.count(count) + " of "
                        + Fmt.count(target) + " " + unit + "; giving up this run (log " + app.log() + ")");
                break;
            }
            if (now - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = now;
                bench.progress(String.format(
                        java.util.Locale.ROOT, "%s: %s of %s %s", name, Fmt.count(count), Fmt.count(target), unit));
            }
            Thread.sleep(100);
        }
        long done = watcher.count();
        Map<String, Double> storyAtEnd = meters == null ? Map.of() : meters.storyCpuSeconds();
        long first = watcher.firstNanos();
        long end = watcher.complete() ? watcher.completeNanos() : System.nanoTime();
        double seconds = first < 0 ? Double.NaN : (end - first) / 1e9;
        double steady =
                steadyCpu >= 0 && done > steadyCount ? (cpu - steadyCpu) * tick / (done - steadyCount) : Double.NaN;
        double whole = done > 0 ? cpu * tick / done : Double.NaN;
        double jit = steadyJit >= 0 && done > steadyCount
                ? (compiler.ticks() - steadyJit) * tick / (done - steadyCount)
                : Double.NaN;
        Map<String, Double> story = new java.util.LinkedHashMap<>();
        if (done > steadyCount && storyAtEnd.keySet().equals(storyAtMark.keySet())) {
            long items = done - steadyCount;
            for (Map.Entry<String, Double> part : storyAtEnd.entrySet()) {
                story.put(part.getKey(), (part.getValue() - storyAtMark.get(part.getKey())) * 1000 / items);
            }
        }
        bench.progress(String.format(
                java.util.Locale.ROOT,
                "%s: %s %s in %.1f s = %s/s; CPU %s per item after warm-up (%s of it the JIT compiler)",
                name,
                Fmt.count(done),
                unit,
                seconds,
                Fmt.number(done / seconds),
                Fmt.millis(steady),
                Fmt.millis(jit)));
        return new Measured(seconds, done, steady, whole, jit, story, rss);
    }

    /** Internal topics of an application: those named {@code <application.id>-...}. */
    private List<String> internalTopicNames(String appId) {
        String prefix = appId + "-";
        return bench.cluster().topics().stream()
                .filter(topic -> topic.startsWith(prefix))
                .sorted()
                .toList();
    }

    /** Figures per internal topic under the topic's name without the application id. */
    private static <V> Map<String, V> withoutPrefix(String appId, Map<String, V> byTopic) {
        Map<String, V> named = new TreeMap<>();
        byTopic.forEach((topic, value) -> named.put(topic.substring(appId.length() + 1), value));
        return named;
    }

    /**
     * Waits until the stopped app's last transactions have their markers on every topic given (the coordinator
     * writes them after the commit returned), so that no record counts as in an open transaction.
     */
    private void awaitTransactionsSettled(String name, List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + MARKER_WAIT.toNanos();
        List<String> all = new ArrayList<>(topics);
        all.addAll(OUTPUT_TOPICS);
        while (!bench.cluster().transactionsSettled(all)) {
            if (System.nanoTime() > deadline) {
                bench.progress(name + ": transactions still open after " + MARKER_WAIT.toSeconds()
                        + " s; counting what is committed");
                return;
            }
            Thread.sleep(200);
        }
    }

    /** Records this run wrote to each output topic: read_committed from the ends before it to the ends now. */
    private Map<String, Long> outputRecords(Map<TopicPartition, Long> from) {
        Map<String, Long> counts = new TreeMap<>();
        OUTPUT_TOPICS.forEach(topic -> counts.put(topic, 0L));
        bench.cluster()
                .read(
                        from,
                        bench.cluster().endOffsets(OUTPUT_TOPICS),
                        (record, at) -> counts.merge(record.topic(), 1L, Long::sum));
        return counts;
    }

    /**
     * Live timeline entries this run wrote: distinct keys {@code <topicId>|<articleId>} on news.timeline-entries
     * whose latest value in the run is not a tombstone; also collects the article ids that got one.
     */
    long timelineEntries(Map<TopicPartition, Long> from, Set<String> articleIdsWithEntries) {
        Map<String, Boolean> live = new HashMap<>();
        bench.cluster().read(from, bench.cluster().endOffsets(List.of(Topics.TIMELINE_ENTRIES)), (record, at) -> {
            if (record.key() != null) {
                live.put(new String(record.key(), StandardCharsets.UTF_8), record.value() != null);
            }
        });
        long count = 0;
        for (Map.Entry<String, Boolean> entry : live.entrySet()) {
            if (entry.getValue()) {
                count++;
                articleIdsWithEntries.add(articleIdOf(entry.getKey()));
            }
        }
        return count;
    }

    static String articleIdOf(String entryKey) {
        return entryKey.substring(entryKey.indexOf('|') + 1);
    }

    static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
