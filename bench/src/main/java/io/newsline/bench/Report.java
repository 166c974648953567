package io.newsline.bench;

import io.newsline.common.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The bench's one table, filled part by part, with a few header lines (date, commit, machine, input) above it. */
final class Report {
    static final List<String> COLUMNS =
            List.of("section", "figure", "newsline", "anchor", "newsline / anchor", "load avg at start (1/5/15 min)");

    private final Map<String, String> header = new LinkedHashMap<>();
    private final MarkdownTable table = new MarkdownTable(COLUMNS);

    void header(String key, String value) {
        header.put(key, value);
    }

    void throughput(
            List<StreamsRuns.RunResult> pipeline,
            List<StreamsRuns.RunResult> passThrough,
            long articles,
            long rawRecords) {
        for (int i = 0; i < pipeline.size(); i++) {
            StreamsRuns.RunResult ours = pipeline.get(i);
            StreamsRuns.RunResult anchor = passThrough.get(i);
            String round = "round " + ours.round();
            table.row(
                    "throughput",
                    round + ": pipeline articles/s vs pass-through records/s" + incomplete(ours) + incomplete(anchor),
                    Fmt.number(ours.perSecond()),
                    Fmt.number(anchor.perSecond()),
                    Fmt.ratio(ours.perSecond(), anchor.perSecond()),
                    ours.load() + " ; " + anchor.load());
            table.row(
                    "CPU",
                    round + ": CPU ms per article, steady state (after the first "
                            + Math.round(StreamsRuns.WARM_UP_SHARE * 100) + " %)",
                    Fmt.millis(ours.cpuMsSteady()),
                    Fmt.millis(anchor.cpuMsSteady()),
                    Fmt.ratio(ours.cpuMsSteady(), anchor.cpuMsSteady()));
            table.row(
                    "CPU",
                    round + ": of it the JIT compiler threads ; the rest (what a long-running app keeps paying)",
                    jitAndRest(ours),
                    jitAndRest(anchor));
            table.row(
                    "CPU",
                    round + ": of it the story stage's own processors (newsline_story_cpu_seconds_total: deciding,"
                            + " keeping, looking for twins, loading the index; not Kafka's handling of its records)",
                    storyParts(ours),
                    "");
            table.row(
                    "CPU",
                    round + ": CPU ms per article, whole process (start-up and warm-up included)",
                    Fmt.millis(ours.cpuMsWhole()),
                    Fmt.millis(anchor.cpuMsWhole()),
                    Fmt.ratio(ours.cpuMsWhole(), anchor.cpuMsWhole()));
            table.row(
                    "memory",
                    round + ": heap peak (used before a GC, -Xlog:gc)",
                    Fmt.mebibytes(ours.heapPeak()),
                    Fmt.mebibytes(anchor.heapPeak()));
            table.row(
                    "memory",
                    round + ": RSS peak (VmHWM)",
                    Fmt.mebibytes(ours.rssPeak()),
                    Fmt.mebibytes(anchor.rssPeak()));
        }
        internalTopics(pipeline, articles);
        outputTopics(pipeline, articles);
        stores(pipeline, articles);
    }

    /**
     * The pipeline beside the same pipeline with one more setting ({@code --also-with}), round by round, and the
     * difference: the "newsline" column is the pipeline, the "anchor" column the pipeline with the setting.
     */
    void variant(List<StreamsRuns.RunResult> pipeline, List<StreamsRuns.RunResult> variant, String setting) {
        header("also with", setting + " (section \"variant\": the pipeline vs the pipeline with it, run in between)");
        for (int i = 0; i < pipeline.size() && i < variant.size(); i++) {
            StreamsRuns.RunResult ours = pipeline.get(i);
            StreamsRuns.RunResult with = variant.get(i);
            String round = "round " + ours.round() + ": ";
            table.row(
                    "variant",
                    round + "articles/s, pipeline vs with " + setting + incomplete(ours) + incomplete(with),
                    Fmt.number(ours.perSecond()),
                    Fmt.number(with.perSecond()),
                    Fmt.ratio(ours.perSecond(), with.perSecond()),
                    ours.load() + " ; " + with.load());
            table.row(
                    "variant",
                    round + "CPU ms per article, steady state",
                    Fmt.millis(ours.cpuMsSteady()),
                    Fmt.millis(with.cpuMsSteady()),
                    Fmt.ratio(ours.cpuMsSteady(), with.cpuMsSteady()));
            table.row(
                    "variant", round + "of it the JIT compiler threads ; the rest", jitAndRest(ours), jitAndRest(with));
            table.row(
                    "variant",
                    round + "of it the story stage's own processors (newsline_story_cpu_seconds_total)",
                    storyParts(ours),
                    storyParts(with));
            table.row(
                    "variant",
                    round + "CPU ms per article, whole process",
                    Fmt.millis(ours.cpuMsWhole()),
                    Fmt.millis(with.cpuMsWhole()),
                    Fmt.ratio(ours.cpuMsWhole(), with.cpuMsWhole()));
            table.row(
                    "variant",
                    round + "the pipeline minus with " + setting + ": CPU ms per article, steady state ; whole process",
                    Fmt.millis(ours.cpuMsSteady() - with.cpuMsSteady()) + " ; "
                            + Fmt.millis(ours.cpuMsWhole() - with.cpuMsWhole()));
            table.row(
                    "variant",
                    round + "the pipeline minus with " + setting
                            + ": CPU ms per article, steady state without the JIT compiler threads",
                    Fmt.millis(ours.cpuMsSteadyWithoutJit() - with.cpuMsSteadyWithoutJit()));
            table.row(
                    "variant",
                    round + "heap peak (used before a GC, -Xlog:gc)",
                    Fmt.mebibytes(ours.heapPeak()),
                    Fmt.mebibytes(with.heapPeak()));
            table.row(
                    "variant",
                    round + "bytes per article on all internal topics ; state on disk",
                    Fmt.bytes(perItem(ours, ours.internalTopicBytes())) + " ; "
                            + Fmt.bytes(perItem(ours, ours.storeBytes())),
                    Fmt.bytes(perItem(with, with.internalTopicBytes())) + " ; "
                            + Fmt.bytes(perItem(with, with.storeBytes())));
            table.row(
                    "variant",
                    round + "records per article on all internal topics ; on all output topics",
                    recordsPerItem(ours) + " ; " + Fmt.number(perItem(ours, ours.outputTopicRecords())),
                    recordsPerItem(with) + " ; " + Fmt.number(perItem(with, with.outputTopicRecords())));
        }
    }

    /** The story stage's own CPU per article and its parts, "T ms (assign A ; keep K ; ...)", or n/a. */
    private static String storyParts(StreamsRuns.RunResult run) {
        if (run.storyMsSteady().isEmpty()) {
            return Fmt.millis(Double.NaN);
        }
        List<String> parts = new java.util.ArrayList<>();
        run.storyMsSteady().forEach((part, ms) -> parts.add(part + " " + Fmt.number(ms)));
        return Fmt.millis(run.storyMsSteadyTotal()) + " (" + String.join(" ; ", parts) + ")";
    }

    /** The steady state's JIT compiler share and the rest, "J ms ; R ms". */
    private static String jitAndRest(StreamsRuns.RunResult run) {
        return Fmt.millis(run.jitMsSteady()) + " ; " + Fmt.millis(run.cpuMsSteadyWithoutJit());
    }

    private static String recordsPerItem(StreamsRuns.RunResult run) {
        return run.internalTopicRecords().isPresent() ? Fmt.number(perItem(run, committed(run))) : "n/a";
    }

    /** Records per internal topic outside transactions or in committed ones; none when they could not be counted. */
    private static Map<String, Long> committed(StreamsRuns.RunResult run) {
        Map<String, Long> committed = new TreeMap<>();
        run.internalTopicRecords()
                .ifPresent(counts -> counts.forEach((topic, count) -> committed.put(topic, count.committed())));
        return committed;
    }

    private static double perItem(StreamsRuns.RunResult run, Map<String, Long> bytes) {
        return bytes.values().stream().mapToLong(Long::longValue).sum() / (double) run.items();
    }

    private static String incomplete(StreamsRuns.RunResult run) {
        String clean = run.cleanStop() ? "" : " (" + run.kind() + " did not stop cleanly)";
        return run.complete()
                ? clean
                : " (" + run.kind() + " INCOMPLETE: " + Fmt.count(run.done()) + " of " + Fmt.count(run.items()) + ")"
                        + clean;
    }

    /**
     * Means over the rounds, per internal topic (names without the application id): bytes per article, and records
     * per article below each when the bench could read the broker's segments.
     */
    private void internalTopics(List<StreamsRuns.RunResult> pipeline, long articles) {
        Map<String, Double> bytes = mean(pipeline, StreamsRuns.RunResult::internalTopicBytes);
        boolean counted = !pipeline.isEmpty()
                && pipeline.stream().allMatch(run -> run.internalTopicRecords().isPresent());
        Map<String, Double> records = counted ? mean(pipeline, Report::committed) : Map.of();
        Map<String, Double> bytesByKind = new LinkedHashMap<>();
        Map<String, Double> recordsByKind = new LinkedHashMap<>();
        for (String kind : List.of("repartition", "changelog", "other")) {
            bytesByKind.put(kind, 0.0);
            recordsByKind.put(kind, 0.0);
        }
        for (Map.Entry<String, Double> topic : bytes.entrySet()) {
            String kind = kindOf(topic.getKey());
            double perArticle = topic.getValue() / articles;
            bytesByKind.merge(kind, perArticle, Double::sum);
            table.row("internal topics", "bytes per article: " + topic.getKey(), Fmt.bytes(perArticle));
            if (counted) {
                double recordsPerArticle = records.getOrDefault(topic.getKey(), 0.0) / articles;
                recordsByKind.merge(kind, recordsPerArticle, Double::sum);
                table.row("internal topics", "records per article: " + topic.getKey(), Fmt.number(recordsPerArticle));
            }
        }
        kindRows("bytes", bytesByKind, Fmt::bytes);
        if (counted) {
            kindRows("records", recordsByKind, Fmt::number);
            double aborted = pipeline.stream()
                            .mapToLong(run -> run.internalTopicRecords().orElseThrow().values().stream()
                                    .mapToLong(SegmentRecords.Count::aborted)
                                    .sum())
                            .average()
                            .orElse(0)
                    / articles;
            if (aborted > 0) {
                table.row(
                        "internal topics",
                        "records of aborted transactions per article, all internal topics (not counted above)",
                        Fmt.number(aborted));
            }
        } else {
            table.row(
                    "internal topics",
                    "records per article: n/a (the broker's log directories cannot be read from here)",
                    "n/a");
        }
    }

    private static String kindOf(String topic) {
        if (topic.endsWith("-repartition")) {
            return "repartition";
        }
        return topic.endsWith("-changelog") ? "changelog" : "other";
    }

    private void kindRows(String unit, Map<String, Double> byKind, java.util.function.DoubleFunction<String> format) {
        table.row(
                "internal topics",
                unit + " per article: all repartition topics",
                format.apply(byKind.get("repartition")));
        table.row(
                "internal topics", unit + " per article: all changelog topics", format.apply(byKind.get("changelog")));
        if (byKind.get("other") > 0) {
            table.row(
                    "internal topics", unit + " per article: other internal topics", format.apply(byKind.get("other")));
        }
        double all = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        table.row("internal topics", unit + " per article: all internal topics (before compaction)", format.apply(all));
    }

    /** Means over the rounds of the records each run wrote to the app's output topics. */
    private void outputTopics(List<StreamsRuns.RunResult> pipeline, long articles) {
        Map<String, Double> records = mean(pipeline, StreamsRuns.RunResult::outputTopicRecords);
        if (records.isEmpty()) {
            return;
        }
        double all = 0;
        for (Map.Entry<String, Double> topic : records.entrySet()) {
            all += topic.getValue() / articles;
            table.row(
                    "output topics", "records per article: " + topic.getKey(), Fmt.number(topic.getValue() / articles));
        }
        table.row("output topics", "records per article: all output topics", Fmt.number(all));
    }

    private void stores(List<StreamsRuns.RunResult> pipeline, long articles) {
        Map<String, Double> mean = mean(pipeline, StreamsRuns.RunResult::storeBytes);
        double entries = pipeline.stream()
                .mapToLong(StreamsRuns.RunResult::timelineEntries)
                .average()
                .orElse(0);
        double total = 0;
        for (Map.Entry<String, Double> store : mean.entrySet()) {
            total += store.getValue();
            table.row(
                    "state on disk",
                    "store " + store.getKey() + ": bytes per article ; per timeline entry",
                    Fmt.bytes(store.getValue() / articles) + " ; "
                            + (entries > 0 ? Fmt.bytes(store.getValue() / entries) : "n/a"));
        }
        table.row(
                "state on disk",
                "all stores: bytes per article ; per timeline entry (" + Fmt.count(Math.round(entries))
                        + " live entries on " + Topics.TIMELINE_ENTRIES + ")",
                Fmt.bytes(total / articles) + " ; " + (entries > 0 ? Fmt.bytes(total / entries) : "n/a"));
    }

    private static Map<String, Double> mean(
            List<StreamsRuns.RunResult> runs, java.util.function.Function<StreamsRuns.RunResult, Map<String, Long>> f) {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(run -> names.addAll(f.apply(run).keySet()));
        Map<String, Double> mean = new TreeMap<>();
        for (String name : names) {
            mean.put(
                    name,
                    runs.stream()
                            .mapToLong(run -> f.apply(run).getOrDefault(name, 0L))
                            .average()
                            .orElse(0));
        }
        return mean;
    }

    void latency(List<LatencyProbe.PhaseResult> phases) {
        for (LatencyProbe.PhaseResult phase : phases) {
            String figure = String.format(
                    java.util.Locale.ROOT,
                    "raw send -> first timeline entry (read_committed) at %d articles/s for %d s: p50 ; p99"
                            + " (%d sent, %s/s achieved, %d never arrived)",
                    phase.phase().rate(),
                    phase.phase().seconds(),
                    phase.sent(),
                    Fmt.number(phase.actualRate()),
                    phase.missing());
            String value = phase.latenciesMs().isEmpty()
                    ? "none arrived"
                    : Percentiles.of(phase.latenciesMs(), 50) + " ms ; " + Percentiles.of(phase.latenciesMs(), 99)
                            + " ms";
            table.row("latency", figure, value, "", "", phase.load());
        }
    }

    void producer(ProducerComparison.Result result) {
        for (ProducerComparison.Round round : result.rounds()) {
            table.row(
                    "producer",
                    "round " + round.round() + ": newsline produce vs ProducerPerformance, records/s ("
                            + Fmt.count(round.newsline().records()) + " records)",
                    Fmt.number(round.newsline().recordsPerSecond()),
                    Fmt.number(round.anchor().recordsPerSecond()),
                    Fmt.ratio(
                            round.newsline().recordsPerSecond(), round.anchor().recordsPerSecond()),
                    round.loadNewsline() + " ; " + round.loadAnchor());
            table.row(
                    "producer",
                    "round " + round.round() + ": MiB/s of article bytes",
                    Fmt.number(round.newsline().mibPerSecond()),
                    Fmt.number(round.anchor().mibPerSecond()),
                    Fmt.ratio(round.newsline().mibPerSecond(), round.anchor().mibPerSecond()));
        }
        List<String> settings = new ArrayList<>();
        result.settings().forEach((key, value) -> settings.add(key + "=" + value));
        header("producer settings (both)", String.join(" ", settings));
    }

    String render(boolean complete) {
        StringBuilder out = new StringBuilder();
        out.append("# newsline bench")
                .append(complete ? "" : " (FAILED: partial results)")
                .append("\n\n");
        header.forEach((key, value) ->
                out.append("- ").append(key).append(": ").append(value).append('\n'));
        out.append('\n');
        out.append(table.render());
        return out.toString();
    }
}
