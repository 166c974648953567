package io.newsline.producer;

import io.newsline.avro.RawArticle;
import io.newsline.common.Topics;
import io.newsline.common.cli.ClientSettingOptions;
import io.newsline.common.cli.KafkaConnectionOptions;
import io.newsline.producer.read.ArticleFileReader;
import io.newsline.producer.select.PathSelector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsline produce}: publishes article files to Kafka, one {@link RawArticle} per file. */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        versionProvider = ProduceCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Publish article files to Kafka, one RawArticle record per file, keyed by its article id (the SHA-256"
                    + " of the file's bytes).",
            "",
            "Files must be text: UTF-8, or a charset the document declares, or one that can be guessed"
                    + " (ISO-8859-1/windows-1252). Files that are unreadable, empty, binary, undecodable or larger than"
                    + " --max-file-size are reported on stderr with the reason and counted; they never stop the run.",
            "",
            "With --watch, hand files over by writing them under a name that is not picked up (*.tmp, *.part or"
                    + " a name starting with a dot) and renaming them when complete: the rename is atomic. Files"
                    + " written in place are read once they have not changed for --settle-ms."
        },
        footerHeading = "%nSettings:%n",
        footer = {
            "Producer settings come, lowest precedence first, from built-in defaults (idempotent, acks=all, zstd),"
                    + " the --producer-config file, NEWSLINE_* environment variables (NEWSLINE_BOOTSTRAP_SERVERS is"
                    + " bootstrap.servers), -X KEY=VALUE, and --bootstrap-servers/--schema-registry-url.",
            "",
            "Exit codes:",
            "  0    every file was published (or, with --dry-run, would be)",
            "  1    could not run: bad settings, or brokers, topic or registry unusable",
            "  2    invalid command line",
            "  3    some files failed (each reported on stderr, counted in the summary)",
            "  130  stopped (Ctrl-C) before every file was read"
        })
public final class ProduceCommand implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    public static final int EXIT_FILES_FAILED = 3;
    public static final int EXIT_STOPPED = 130;

    private static final Logger log = LoggerFactory.getLogger(ProduceCommand.class);

    /** How long a shutdown (Ctrl-C) waits for the run to flush before failing what is still unsent. */
    private static final Duration SHUTDOWN_GRACE = ProduceRun.STOP_CLOSE_TIMEOUT.plusSeconds(5);

    @Parameters(
            paramLabel = "PATH",
            arity = "1..*",
            description = "Article files, or directories to search recursively (with --watch: to watch).")
    List<Path> paths = new ArrayList<>();

    /** --bootstrap-servers, --schema-registry-url. */
    @Mixin
    KafkaConnectionOptions connection = new KafkaConnectionOptions(ProducerSettings.FILE_OPTION);

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.RAW_ARTICLES,
            description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Take only files whose path relative to the directory matches (repeatable; default **/*;"
                    + " **/ also matches at the top level).")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Also leave out matching files and directories (repeatable); hidden files, *.tmp and"
                    + " *.part always are, unless --no-default-excludes.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--no-default-excludes", description = "Also take hidden files, *.tmp and *.part from directories.")
    boolean noDefaultExcludes;

    @Option(
            names = "--watch",
            description = "Keep watching the directories for new and changed files until stopped (Ctrl-C).")
    boolean watch;

    @Option(
            names = "--settle-ms",
            paramLabel = "MS",
            defaultValue = "1000",
            description =
                    "With --watch: how long a file must stay unchanged before it is read (default: ${DEFAULT-VALUE}).")
    long settleMillis;

    @Option(
            names = "--max-file-size",
            paramLabel = "SIZE",
            defaultValue = "4MiB",
            converter = ByteSizeConverter.class,
            description = "Reject larger files, e.g. 512KiB, 10MiB (default: ${DEFAULT-VALUE}).")
    long maxFileSize;

    @Option(
            names = "--dry-run",
            description = "Read, decode and check the files and print the summary; send nothing, need no broker.")
    boolean dryRun;

    @Option(
            names = "--skip-identical",
            description = {
                "Skip a file whose bytes were already sent from another file in this run. By default every file is",
                "published: the streams app turns a copy into an EXACT duplicate notice naming its source, and the",
                "original's timeline entries list that source as also reporting it."
            })
    boolean skipIdentical;

    @Option(
            names = "--producer-config",
            paramLabel = "FILE",
            description = "Properties file with Kafka producer and serializer settings.")
    Path producerConfig;

    /** -X KEY=VALUE. */
    @Mixin
    ClientSettingOptions x;

    @Option(names = "--no-progress", description = "No progress bar (there is none anyway when not run in a terminal).")
    boolean noProgress;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only failures: no progress, notices or summary.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    // Seams for tests: the environment, how the producer is made, and the clocks.
    Map<String, String> environment = System.getenv();
    Function<Map<String, Object>, Producer<String, RawArticle>> producerFactory = KafkaProducer::new;
    Clock clock = Clock.systemUTC();
    LongSupplier nanoClock = System::nanoTime;

    private volatile ProduceRun currentRun;
    private volatile RunSummary lastSummary;
    private final CountDownLatch started = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(new CommandLine(new ProduceCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return execute(out, err);
        } finally {
            started.countDown(); // a waiting caller must not hang when the run could not start
        }
    }

    private int execute(PrintWriter out, PrintWriter err) {
        PathSelector selector = checkArguments();
        WarmUp.start();
        ArticlePublisher publisher = null;
        if (!dryRun) {
            try {
                publisher = new ArticlePublisher(producerFactory.apply(producerConfig()), topic);
            } catch (IllegalArgumentException | UncheckedIOException | KafkaException e) {
                err.println("error: " + e.getMessage());
                return EXIT_ERROR;
            }
            try {
                publisher.checkTopic();
            } catch (ArticlePublisher.SendingImpossibleException e) {
                publisher.close(Duration.ZERO);
                err.println("error: " + e.getMessage());
                return EXIT_ERROR;
            }
        }

        // Counted from here, so the rates say how fast files go, not how long connecting took.
        RunSummary summary = new RunSummary(topic, dryRun, nanoClock);
        lastSummary = summary;
        boolean bar = !noProgress && !quiet && System.console() != null;
        ProgressReporter progress = new ProgressReporter(err, bar, quiet, summary, nanoClock);
        FileProcessor processor = new FileProcessor(
                new ArticleFileReader(maxFileSize), publisher, summary, progress, clock, HostName.NAME, skipIdentical);
        ProduceRun run = new ProduceRun(
                new ProduceRun.Options(paths, selector, watch, Duration.ofMillis(settleMillis)),
                processor,
                publisher,
                summary,
                progress,
                nanoClock);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> onShutdown(run, finished), "newsline-produce-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        currentRun = run;
        started.countDown();

        ProduceRun.Ending ending;
        try {
            ending = run.run();
        } catch (IOException e) {
            err.println("error: cannot watch " + paths + ": " + e);
            return EXIT_ERROR;
        } finally {
            if (!quiet) {
                summary.lines().forEach(out::println);
            }
            out.flush();
            err.flush();
            finished.countDown();
            removeShutdownHook(hook);
        }
        switch (ending) {
            case SENDING_IMPOSSIBLE:
                err.println("error: " + run.failure());
                return EXIT_ERROR;
            case STOPPED:
                return EXIT_STOPPED;
            default:
                return summary.hasFailures() ? EXIT_FILES_FAILED : EXIT_OK;
        }
    }

    /**
     * Stops a running command from another thread, as Ctrl-C does: no further file is read, what was sent is
     * flushed, the summary is printed and {@link #call} returns.
     */
    public void stop() {
        ProduceRun run = currentRun;
        if (run != null) {
            run.stop();
        }
    }

    /**
     * Waits until the command, run on another thread with {@code --watch}, has handled the files already in the
     * directories and watches for changes. False if it ended (e.g. with an error) or the time ran out first.
     */
    public boolean awaitWatching(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        ProduceRun run = currentRun;
        return run != null && run.awaitWatching(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** The counts of the latest run (also while it is going); null before one started. */
    public RunSummary summary() {
        return lastSummary;
    }

    Map<String, Object> producerConfig() {
        Map<String, Object> config = ProducerSettings.forProducer(
                ProducerSettings.resolve(maxFileSize, producerConfig, environment, x.settings(), connection));
        log.debug("Producer settings: {}", config.keySet());
        return config;
    }

    private PathSelector checkArguments() {
        CommandLine commandLine = spec.commandLine();
        if (maxFileSize < 1 || maxFileSize > ArticleFileReader.MAX_SUPPORTED_FILE_SIZE) {
            throw new CommandLine.ParameterException(
                    commandLine,
                    "--max-file-size must be between 1 byte and "
                            + ByteSizes.format(ArticleFileReader.MAX_SUPPORTED_FILE_SIZE));
        }
        if (settleMillis < 0) {
            throw new CommandLine.ParameterException(commandLine, "--settle-ms must not be negative");
        }
        if (watch) {
            for (Path path : paths) {
                if (!Files.isDirectory(path)) {
                    throw new CommandLine.ParameterException(
                            commandLine, "--watch needs directories, but " + path + " is not one");
                }
            }
        }
        try {
            return PathSelector.of(includes, excludes, !noDefaultExcludes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    private static void onShutdown(ProduceRun run, CountDownLatch finished) {
        run.stop();
        try {
            if (!finished.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // The brokers do not answer: fail what is unsent so the summary can still be printed.
                run.abortPendingSends();
                finished.await(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is what stopped us, nothing to remove.
        }
    }

    /** {@code --max-file-size} values such as {@code 10MiB}. */
    static final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return ByteSizes.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ProduceCommand.class.getPackage().getImplementationVersion();
            return new String[] {"newsline produce " + (version == null ? "development build" : version)};
        }
    }

    /** Looked up once per JVM, when first needed: asking the name service can be slow. */
    private static final class HostName {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException | SecurityException e) {
                String fromEnvironment = System.getenv("HOSTNAME");
                return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
            }
        }
    }
}
