package io.newsline.cli;

import io.newsline.avro.TopicTimeline;
import io.newsline.local.LocalService;
import io.newsline.local.LocalStack;
import io.newsline.producer.ProduceCommand;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.streams.StreamsApp;
import io.newsline.streams.StreamsAppConfig;
import io.newsline.streams.web.HttpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsline demo}: the whole pipeline on this machine in one command. Starts a Kafka broker and a schema
 * registry (unless given), the streams app in this JVM, publishes the sample articles, waits until their timelines
 * are complete, prints them, and stops everything it started.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the whole pipeline once on this machine and prints the timelines.",
            "",
            "Starts a single-node Kafka broker and a schema registry on free 127.0.0.1 ports (unless"
                    + " --bootstrap-servers / --schema-registry-url name existing ones), creates the topics, starts"
                    + " the streams app, publishes the articles of --input, waits until their timelines are"
                    + " complete, prints them, and stops everything it started.",
            "Progress goes to stderr, the timelines to stdout. Data and logs: DATA-DIR/demo, emptied at each run."
        },
        footer = {"", "Exit status: 0 timelines printed, 1 a part failed or timed out (the message names its log)."})
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Use this Kafka cluster instead of starting a broker.")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Use this schema registry (Confluent API) instead of starting one.")
    String schemaRegistryUrl;

    @Option(names = "--no-stream", description = "Start no streams app: one already runs against --bootstrap-servers.")
    boolean noStream;

    @Option(
            names = "--input",
            paramLabel = "DIR",
            description = "Article files to publish (default: the repository's seeds/).")
    Path input;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where data and logs go, in DIR/demo (default: .newsline/ in the repository;"
                    + " env NEWSLINE_DATA_DIR).")
    Path dataDir;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Partitions of the topics it creates (default: ${DEFAULT-VALUE}; the app's own default is 6).")
    int partitions;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "Give up waiting for the timelines after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    // Issue 13: the timelines page of the demo's streams app.
    @Option(
            names = "--serve",
            description = "After printing the timelines, keep everything running and serve the timelines page"
                    + " (its URL is printed) until Ctrl-C.")
    boolean serve;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:0",
            description = "Where the streams app serves its page and API (default: ${DEFAULT-VALUE}, a free port).")
    String listen;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private PrintWriter err;
    private long startNanos;

    /** A part of the demo that failed, with what to look at. */
    static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        startNanos = System.nanoTime();
        err = spec.commandLine().getErr();
        Path dir = Places.dataDir(dataDir).resolve("demo");
        Path articles =
                (input != null ? input : Places.seeds()).toAbsolutePath().normalize();
        if (!Files.isDirectory(articles)) {
            err.println("demo: no article directory " + articles + "; pass --input DIR.");
            return CommandLine.ExitCode.USAGE;
        }

        if (serve && noStream) {
            err.println("demo: --serve needs the demo's own streams app (it serves the page); drop --no-stream.");
            return CommandLine.ExitCode.USAGE;
        }
        if (noStream && bootstrapServers == null) {
            err.println("demo: --no-stream needs --bootstrap-servers (a cluster where a streams app runs).");
            return CommandLine.ExitCode.USAGE;
        }

        LocalStack stack = LocalStack.onFreePorts(dir);
        // A demo that was killed (not stopped) may have left its broker or registry running: stop them first.
        stack.stop(stack.services(), message -> progress(message + ", left running by an earlier demo"));
        deleteRecursively(dir);
        Path log = dir.resolve("demo.log");
        createDirectories(dir);

        List<LocalService> started = new ArrayList<>();
        if (bootstrapServers == null) {
            started.add(stack.kafka());
        }
        if (schemaRegistryUrl == null) {
            started.add(stack.registry());
        }
        String bootstrap =
                bootstrapServers != null ? bootstrapServers : stack.kafka().endpoint();
        String registry =
                schemaRegistryUrl != null ? schemaRegistryUrl : stack.registry().endpoint();

        StreamsApp[] app = new StreamsApp[1];
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopAll = () -> {
            if (stopped.compareAndSet(false, true)) {
                if (app[0] != null) {
                    progress("stopping the streams app");
                    app[0].close();
                }
                stack.stop(started, this::progress);
            }
        };
        Thread hook = new Thread(stopAll, "newsline-demo-shutdown"); // Ctrl-C
        Runtime.getRuntime().addShutdownHook(hook);

        AutoCloseable logging = LogToFile.redirect(log);
        try {
            progress("data and logs in " + dir);
            stack.start(started, false, this::progress);

            long deadline =
                    System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            KafkaStreams streams = null;
            if (noStream) {
                progress("using the streams app that runs against " + bootstrap);
            } else {
                progress("creating the topics and starting the streams app (log " + log + ")");
                app[0] = new StreamsApp(StreamsAppConfig.of(Map.ofEntries(
                        Map.entry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                        Map.entry(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry),
                        Map.entry(StreamsConfig.APPLICATION_ID_CONFIG, "newsline-demo"),
                        Map.entry(
                                StreamsConfig.STATE_DIR_CONFIG,
                                dir.resolve("streams-state").toString()),
                        Map.entry(StreamsAppConfig.TOPIC_PARTITIONS, Integer.toString(partitions)),
                        Map.entry(HttpSettings.LISTEN, listen))));
                streams = app[0].start();
                app[0].webUrl().ifPresent(url -> progress("timelines page and API on " + url));
                awaitRunning(streams, deadline, log);
            }

            long published = publish(bootstrap, registry, articles);
            List<TopicTimeline> timelines =
                    awaitTimelines(bootstrap, registry, articles, published, streams, deadline, log);

            PrintWriter out = spec.commandLine().getOut();
            timelines.forEach(timeline -> TimelinesCommand.printText(out, timeline));
            out.flush();
            if (serve) {
                return serveUntilStopped(out, app[0], streams, log, stopped);
            }
            return 0;
        } catch (DemoFailure e) {
            err.println("demo: FAILED: " + e.getMessage());
            return 1;
        } catch (LocalService.ServiceException e) {
            err.println("demo: FAILED: " + e.getMessage());
            err.println("demo: to use a broker or registry you run yourself instead, pass --bootstrap-servers /"
                    + " --schema-registry-url.");
            return 1;
        } catch (Exception e) {
            err.println("demo: FAILED: " + e + " (log " + log + ")");
            return 1;
        } finally {
            try {
                stopAll.run();
            } catch (RuntimeException e) {
                err.println("demo: could not stop everything: " + e.getMessage());
            }
            removeShutdownHook(hook);
            closeQuietly(logging);
            progress(String.format(Locale.ROOT, "done in %.1f s", (System.nanoTime() - startNanos) / 1e9));
        }
    }

    /** {@code --serve}: prints the page's URL and keeps everything running until Ctrl-C (or the app stops). */
    private int serveUntilStopped(
            PrintWriter out, StreamsApp app, KafkaStreams streams, Path log, AtomicBoolean stoppedByUser)
            throws InterruptedException {
        String url = app.webUrl()
                .map(Object::toString)
                .orElseThrow(
                        () -> new DemoFailure("the streams app serves no page (" + HttpSettings.ENABLED + "=false?)"));
        out.println();
        out.println("Timelines page: " + url + "  (Ctrl-C to stop)");
        out.flush();
        progress("serving " + url + " until Ctrl-C");
        // Ctrl-C runs the shutdown hook, which stops everything; until then only a stopped app ends the wait.
        app.awaitStopped();
        if (!stoppedByUser.get()) {
            checkAlive(streams, log);
        }
        return 0;
    }

    private void awaitRunning(KafkaStreams streams, long deadline, Path log) throws InterruptedException {
        progress("waiting for the streams app to join its group and get its partitions");
        while (streams.state() != KafkaStreams.State.RUNNING) {
            checkAlive(streams, log);
            if (System.nanoTime() > deadline) {
                throw new DemoFailure("the streams app did not reach RUNNING within " + timeoutSeconds + " s (state "
                        + streams.state() + "). Its log: " + log);
            }
            Thread.sleep(100);
        }
    }

    private long publish(String bootstrap, String registry, Path articles) {
        progress("publishing " + articles + " to news.articles.raw");
        ProduceCommand produce = new ProduceCommand();
        StringWriter summary = new StringWriter();
        int status = new CommandLine(produce)
                .setOut(new PrintWriter(summary))
                .setErr(err)
                .execute(
                        "--bootstrap-servers",
                        bootstrap,
                        "--schema-registry-url",
                        registry,
                        "--no-progress",
                        articles.toString());
        summary.toString().lines().forEach(line -> progress("producer: " + line));
        if (status != ProduceCommand.EXIT_OK && status != ProduceCommand.EXIT_FILES_FAILED) {
            throw new DemoFailure("the producer failed with exit status " + status + " (its messages are above)");
        }
        long published = produce.summary() == null ? 0 : produce.summary().published();
        if (published == 0) {
            throw new DemoFailure("no article was published from " + articles);
        }
        return published;
    }

    private List<TopicTimeline> awaitTimelines(
            String bootstrap,
            String registry,
            Path articles,
            long published,
            KafkaStreams streams,
            long deadline,
            Path log)
            throws InterruptedException {
        String inputUri = articles.toUri().toString();
        try (DemoOutcomes outcomes = new DemoOutcomes(bootstrap, registry, inputUri)) {
            String waitingFor = "";
            while (true) {
                outcomes.poll(Duration.ofMillis(200));
                String now;
                Set<String> behind = outcomes.timelinesBehind();
                if (outcomes.publishedSeen() < published) {
                    now = "waiting to read the " + published + " published articles back from news.articles.raw";
                } else if (outcomes.unprocessed() > 0) {
                    now = "waiting for the streams app to parse, deduplicate and enrich " + outcomes.unprocessed()
                            + " of " + published + " articles";
                } else if (!behind.isEmpty()) {
                    now = "waiting for the timeline snapshots of " + behind.size() + " topics on news.timelines ("
                            + String.join(", ", behind.stream().limit(5).toList())
                            + (behind.size() > 5 ? ", ..." : "") + ")";
                } else {
                    List<TopicTimeline> timelines = outcomes.timelines();
                    progress("complete: " + timelines.size() + " timelines with " + DemoOutcomes.entries(timelines)
                            + " entries"
                            + (outcomes.duplicates() > 0 ? ", " + outcomes.duplicates() + " duplicates dropped" : "")
                            + (outcomes.failed() > 0
                                    ? ", " + outcomes.failed() + " articles failed (see " + "news.articles.dlq)"
                                    : ""));
                    return timelines;
                }
                if (!now.equals(waitingFor)) {
                    progress(now);
                    waitingFor = now;
                }
                checkAlive(streams, log);
                if (System.nanoTime() > deadline) {
                    throw new DemoFailure("timed out after " + timeoutSeconds + " s " + now.replace("waiting", "still")
                            + ". The streams app's log: " + log);
                }
            }
        }
    }

    private void checkAlive(KafkaStreams streams, Path log) {
        if (streams == null) {
            return; // --no-stream: not ours to watch
        }
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.ERROR
                || state == KafkaStreams.State.NOT_RUNNING
                || state == KafkaStreams.State.PENDING_ERROR) {
            throw new DemoFailure("the streams app stopped (state " + state + "). Its log: " + log);
        }
    }

    private void progress(String message) {
        err.printf(Locale.ROOT, "demo [%5.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
        err.flush();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir + " for a new demo", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Only the log redirection; nothing to do about it.
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down: the hook is running or ran.
        }
    }
}
