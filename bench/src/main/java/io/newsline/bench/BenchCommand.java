package io.newsline.bench;

import io.newsline.article.io.CorpusFiles;
import io.newsline.common.Topics;
import io.newsline.local.LocalService;
import io.newsline.local.LocalStack;
import io.newsline.local.Processes;
import io.newsline.producer.ProduceCommand;
import io.newsline.producer.read.ArticleFile;
import io.newsline.producer.read.ArticleFileReader;
import io.newsline.producer.read.ReadResult;
import io.newsline.streams.TopicProvisioner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsline bench}: the repository's performance bench, the one source of the README's figures. See
 * docs/benchmarks.md for what every row of its table means.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Measures the pipeline on real articles and prints one markdown table (docs/benchmarks.md says what"
                    + " each row means).",
            "",
            "Starts a single-node Kafka broker (log cleaner off, so bytes are before compaction) and a schema"
                    + " registry unless given, publishes the articles once to news.articles.raw with the producer's"
                    + " code, then runs, interleaved, the streams app (`newsline stream` from newsline.jar) and a"
                    + " pass-through Kafka Streams app, each as a child JVM from a fresh application id; then"
                    + " latency at fixed rates on a fresh pipeline instance; then `newsline produce` against Kafka's"
                    + " ProducerPerformance on the same payloads.",
            "Progress goes to stderr, the table to stdout and to --out."
        })
public final class BenchCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "DIR",
            arity = "0..*",
            description = "Article folders (default: ../shared/corpus/bbc and ../shared/corpus/reuters, relative to"
                    + " the repository).")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "Use this broker; start none.")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Use this schema registry (Confluent API); start none.")
    String schemaRegistryUrl;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "2",
            description = "Pipeline / pass-through (and producer) rounds, interleaved (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--articles", paramLabel = "N", description = "Use at most N articles (a seeded shuffle).")
    Integer maxArticles;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "6",
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}, as the app's).")
    int partitions;

    @Option(
            names = "--latency",
            paramLabel = "RATE:SECONDS",
            split = ",",
            description = "Latency phases, articles per second for so many seconds (default: 1:60,200:30).")
    List<String> latencyPhases = new ArrayList<>(List.of("1:60", "200:30"));

    @Option(
            names = "--latency-warmup",
            paramLabel = "N",
            defaultValue = "200",
            description = "Articles sent before the latency phases and not measured (default: ${DEFAULT-VALUE}).")
    int latencyWarmup;

    @Option(
            names = "--drain",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "After a latency phase's last send, wait until every article arrived or none did for this"
                    + " long (default: ${DEFAULT-VALUE}).")
    int drainSeconds;

    @Option(
            names = "--stall-timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "Give up a run when no new outcome came for this long (default: ${DEFAULT-VALUE}).")
    int stallSeconds;

    @Option(
            names = "--also-with",
            paramLabel = "KEY=VALUE",
            description = "Each round, also run the pipeline with this app setting (passed as -X KEY=VALUE), between"
                    + " the pipeline and the pass-through, and report it beside the pipeline with the difference:"
                    + " what a stage costs, e.g. --also-with newsline.story.enabled=false.")
    String alsoWith;

    @Option(names = "--no-latency", description = "Skip the latency phases.")
    boolean noLatency;

    @Option(names = "--no-producer", description = "Skip the producer against ProducerPerformance.")
    boolean noProducer;

    @Option(
            names = "--app-jvm-options",
            paramLabel = "OPTIONS",
            description = "JVM options for both streams apps, space separated (default: none, as ./newsline).")
    String appJvmOptions = "";

    @Option(
            names = "--ports",
            paramLabel = "FIRST",
            description = "Broker, controller and registry on FIRST, FIRST+1, FIRST+2 (default: free ports).")
    Integer firstPort;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "Also write the table here (default:" + " target/bench/bench-<timestamp>.md in the repository).")
    Path out;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Broker data, state dirs and logs (default: target/bench/run-<timestamp>; deleted"
                    + " after a run that succeeded unless --keep).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the work directory.")
    boolean keep;

    @Option(
            names = "--newsline-jar",
            paramLabel = "JAR",
            description = "The jar whose `stream` and producer are measured (default: cli/target/newsline.jar).")
    Path newslineJar;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter err;
    private long startNanos;
    private String stamp;
    private Path root;
    private Path work;
    private String bootstrap;
    private String registry;
    private Cluster cluster;
    private final List<ChildJvm> children = Collections.synchronizedList(new ArrayList<>());

    // What the preload left: the articles, their ids, where the raw topic starts for every run.
    private List<Path> files;
    private Map<Path, String> idOfFile;
    private Set<String> articleIds;
    private long rawRecords;
    private long rawBytes;
    private Map<TopicPartition, Long> rawStart;

    private final Report report = new Report();

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        startNanos = System.nanoTime();
        err = spec.commandLine().getErr();
        stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        root = Repository.root();
        if (rounds < 1 || partitions < 1 || (maxArticles != null && maxArticles < 1)) {
            err.println("bench: --rounds, --partitions and --articles must be positive");
            return CommandLine.ExitCode.USAGE;
        }
        Map<String, String> variantSettings = Map.of();
        if (alsoWith != null) {
            int eq = alsoWith.indexOf('=');
            if (eq < 1 || eq == alsoWith.length() - 1) {
                err.println("bench: --also-with takes KEY=VALUE (an app setting), not " + alsoWith);
                return CommandLine.ExitCode.USAGE;
            }
            variantSettings = Map.of(
                    alsoWith.substring(0, eq).trim(), alsoWith.substring(eq + 1).trim());
        }
        List<LatencyProbe.Phase> phases;
        try {
            phases = noLatency ? List.of() : LatencyProbe.Phase.parseAll(latencyPhases);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<Path> inputs = dirs.isEmpty()
                ? List.of(root.resolve("../shared/corpus/bbc"), root.resolve("../shared/corpus/reuters"))
                : dirs;
        for (Path dir : inputs) {
            if (!Files.isDirectory(dir)) {
                err.println("bench: no article folder " + dir.toAbsolutePath().normalize());
                return CommandLine.ExitCode.USAGE;
            }
        }
        Path jar = newslineJar != null ? newslineJar : root.resolve("cli/target/newsline.jar");
        if (!Files.isRegularFile(jar)) {
            err.println("bench: no " + jar + "; build it first (./newsline --version does).");
            return CommandLine.ExitCode.USAGE;
        }
        work = (workDir != null ? workDir : root.resolve("target/bench/run-" + stamp))
                .toAbsolutePath()
                .normalize();
        Path table = (out != null ? out : root.resolve("target/bench/bench-" + stamp + ".md"))
                .toAbsolutePath()
                .normalize();
        Files.createDirectories(work);

        LocalStack stack = stack();
        List<LocalService> started = new ArrayList<>();
        if (bootstrapServers == null) {
            started.add(stack.kafka());
        }
        if (schemaRegistryUrl == null) {
            started.add(stack.registry());
        }
        bootstrap = bootstrapServers != null ? bootstrapServers : stack.kafka().endpoint();
        registry =
                schemaRegistryUrl != null ? schemaRegistryUrl : stack.registry().endpoint();
        Thread hook = new Thread(() -> stopAll(stack, started), "newsline-bench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean ok = false;
        try {
            progress("work directory " + work);
            stack.start(started, false, this::progress);
            cluster = new Cluster(bootstrap);
            report.header(
                    "date (UTC)", Instant.now().toString().substring(0, 19).replace('T', ' '));
            report.header("commit", Repository.commit(root));
            report.header(
                    "machine",
                    Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                            + ProcStats.readLoadAverages());
            report.header(
                    "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));

            files = articleFiles(inputs);
            preload();
            report.header(
                    "input",
                    Fmt.count(articleIds.size()) + " distinct articles (" + Fmt.count(rawRecords) + " records, "
                            + Fmt.bytes(rawBytes / (double) articleIds.size()) + " per article on "
                            + Topics.RAW_ARTICLES + ") from "
                            + inputs.stream()
                                    .map(p -> p.toAbsolutePath().normalize().toString())
                                    .toList()
                            + ", " + partitions + " partitions");

            StreamsRuns runs = new StreamsRuns(this, jar, appJvmOptions);
            List<StreamsRuns.RunResult> pipeline = new ArrayList<>();
            List<StreamsRuns.RunResult> variant = new ArrayList<>();
            List<StreamsRuns.RunResult> passThrough = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                pipeline.add(runs.pipeline(round));
                if (!variantSettings.isEmpty()) {
                    variant.add(runs.pipeline(round, variantSettings));
                }
                passThrough.add(runs.passThrough(round));
            }
            report.throughput(pipeline, passThrough, articleIds.size(), rawRecords);
            if (!variant.isEmpty()) {
                report.variant(pipeline, variant, alsoWith);
            }

            if (!phases.isEmpty()) {
                Set<String> withEntries = new HashSet<>();
                pipeline.forEach(run -> withEntries.addAll(run.idsWithEntries()));
                LatencyProbe probe = new LatencyProbe(this, runs, phases, latencyWarmup, drainSeconds);
                report.latency(probe.run(latencyPool(withEntries, probe.articlesNeeded())));
            }
            if (!noProducer) {
                report.producer(new ProducerComparison(this, rounds).run());
            }
            ok = true;
        } catch (BenchFailure e) {
            err.println("bench: FAILED: " + e.getMessage());
        } catch (LocalService.ServiceException e) {
            err.println("bench: FAILED: " + e.getMessage()
                    + " (to use a broker or registry you run, pass --bootstrap-servers / --schema-registry-url)");
        } catch (RuntimeException e) {
            err.println("bench: FAILED: " + e);
            e.printStackTrace(err);
        } finally {
            stopAll(stack, started);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
        String rendered = report.render(ok);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(rendered);
        stdout.flush();
        Files.createDirectories(table.getParent());
        Files.writeString(table, rendered, StandardCharsets.UTF_8);
        progress("table written to " + table);
        if (ok && !keep && workDir == null) {
            deleteRecursively(work);
        } else {
            progress("logs and data kept in " + work);
        }
        progress(String.format(Locale.ROOT, "done in %.0f s", (System.nanoTime() - startNanos) / 1e9));
        return ok ? 0 : 1;
    }

    private LocalStack stack() {
        // Bytes are measured before compaction and before Kafka Streams' purge of repartition topics takes
        // effect: no log cleaner, and the retention check (which deletes segments below a purged log start)
        // runs only once a day.
        Map<String, String> broker = Map.of(
                "log.cleaner.enable",
                "false",
                "log.retention.check.interval.ms",
                Long.toString(Duration.ofDays(1).toMillis()));
        // The stack's files go straight into the work directory, so that the class-data-sharing archives the broker
        // and registry write at their first exit land in its parent's cache/ (see LocalService.classDataArchive):
        // kept across runs, they spare every later run that exit (half a minute on a busy machine) and a slower start.
        Path dir = work;
        if (firstPort != null) {
            return LocalStack.create(dir, firstPort, firstPort + 1, firstPort + 2, false, broker);
        }
        return LocalStack.create(dir, Processes.freePort(), Processes.freePort(), Processes.freePort(), false, broker);
    }

    private void stopAll(LocalStack stack, List<LocalService> started) {
        synchronized (children) {
            for (ChildJvm child : children) {
                if (child.alive()) {
                    progress("stopping " + child.name() + " (pid " + child.pid() + ")");
                    child.stop(Duration.ofSeconds(30));
                }
            }
        }
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        try {
            stack.stop(started, this::progress);
        } catch (RuntimeException e) {
            err.println("bench: could not stop everything: " + e.getMessage());
        }
    }

    /** Every article file under the folders ({@link CorpusFiles#list}), sorted, then a seeded shuffle so that a cap takes from every folder. */
    private List<Path> articleFiles(List<Path> inputs) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : inputs) {
            all.addAll(CorpusFiles.list(dir.toAbsolutePath().normalize()));
        }
        Collections.sort(all);
        Collections.shuffle(all, new Random(42));
        return maxArticles == null ? all : all.subList(0, Math.min(maxArticles, all.size()));
    }

    /** news.articles.raw and the app's other topics (its own specs), then every article once, with its producer. */
    private void preload() throws IOException {
        new TopicProvisioner(cluster.admin(), partitions, (short) -1).ensureTopics(TopicProvisioner.topics());
        rawStart = cluster.endOffsets(List.of(Topics.RAW_ARTICLES));
        progress("publishing " + Fmt.count(files.size()) + " files to " + Topics.RAW_ARTICLES);
        Path list = work.resolve("articles.txt");
        Files.write(list, files.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        ProduceCommand produce = new ProduceCommand();
        StringWriter summary = new StringWriter();
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers",
                bootstrap,
                "--schema-registry-url",
                registry,
                "--topic",
                Topics.RAW_ARTICLES,
                "--no-progress"));
        files.forEach(file -> args.add(file.toString()));
        int status = new CommandLine(produce)
                .setOut(new PrintWriter(summary))
                .setErr(err)
                .execute(args.toArray(String[]::new));
        summary.toString().lines().forEach(line -> progress("producer: " + line));
        if (status != ProduceCommand.EXIT_OK && status != ProduceCommand.EXIT_FILES_FAILED) {
            throw new BenchFailure("the producer failed with exit status " + status);
        }
        Map<TopicPartition, Long> end = cluster.endOffsets(List.of(Topics.RAW_ARTICLES));
        Set<String> ids = new HashSet<>();
        long[] records = {0};
        cluster.read(rawStart, end, (record, at) -> {
            records[0]++;
            if (record.key() != null) {
                ids.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        });
        articleIds = Set.copyOf(ids);
        rawRecords = records[0];
        rawBytes = cluster.sizeOnDisk(List.of(Topics.RAW_ARTICLES)).get(Topics.RAW_ARTICLES);
        if (articleIds.isEmpty()) {
            throw new BenchFailure("no article was published");
        }
        idOfFile = new HashMap<>();
        ArticleFileReader reader = new ArticleFileReader(4L * 1024 * 1024);
        List<Path> published = new ArrayList<>();
        for (Path file : files) {
            if (reader.read(file) instanceof ArticleFile article && articleIds.contains(article.articleId())) {
                idOfFile.put(file, article.articleId());
                published.add(file);
            }
        }
        files = List.copyOf(published);
        progress(Fmt.count(articleIds.size()) + " distinct articles in " + Fmt.count(rawRecords) + " records on "
                + Topics.RAW_ARTICLES);
    }

    /** Articles that got a timeline entry in the pipeline runs (so they can show a latency), one per id. */
    private List<ArticleFile> latencyPool(Set<String> withEntries, int needed) {
        List<ArticleFile> pool = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        ArticleFileReader reader = new ArticleFileReader(4L * 1024 * 1024);
        // From the end of the shuffled list: with a cap on the runs, the pool is still drawn the same way.
        for (int i = files.size() - 1; i >= 0 && pool.size() < needed; i--) {
            String id = idOfFile.get(files.get(i));
            if (id != null && withEntries.contains(id) && taken.add(id)) {
                ReadResult read = reader.read(files.get(i));
                if (read instanceof ArticleFile article) {
                    pool.add(article);
                }
            }
        }
        return pool;
    }

    // ---- what the runs share

    void progress(String message) {
        err.printf(Locale.ROOT, "bench [%6.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        err.flush();
    }

    ChildJvm launch(String name, List<String> arguments, Path log) {
        ChildJvm child = ChildJvm.start(name, arguments, work, log);
        children.add(child);
        return child;
    }

    Cluster cluster() {
        return cluster;
    }

    String bootstrap() {
        return bootstrap;
    }

    String registry() {
        return registry;
    }

    Path work() {
        return work;
    }

    String stamp() {
        return stamp;
    }

    int partitions() {
        return partitions;
    }

    int stallSeconds() {
        return stallSeconds;
    }

    List<Path> files() {
        return files;
    }

    Set<String> articleIds() {
        return articleIds;
    }

    long rawRecords() {
        return rawRecords;
    }

    Map<TopicPartition, Long> rawStart() {
        return rawStart;
    }

    Report report() {
        return report;
    }

    /**
     * The bench's class path, for the child JVMs that run its own programs (pass-through, producers): its classes
     * and the class path the build wrote, or else this JVM's.
     */
    String ownClassPath() {
        Path classes = root.resolve("bench/target/classes");
        Path classpath = root.resolve("bench/target/bench.classpath");
        if (Files.isDirectory(classes) && Files.isRegularFile(classpath)) {
            try {
                return classes
                        + java.io.File.pathSeparator
                        + Files.readString(classpath, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                // fall back to this JVM's
            }
        }
        return System.getProperty("java.class.path");
    }

    static Map<String, String> orderedMap() {
        return new LinkedHashMap<>();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    /** A part of the bench failed; the message says which and where its log is. */
    static final class BenchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchFailure(String message) {
            super(message);
        }
    }
}
