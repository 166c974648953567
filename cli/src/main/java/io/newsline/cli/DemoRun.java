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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;

/**
 * One run of {@code newsline demo}, step by step: start what is missing (broker, registry, streams app), publish the
 * articles, wait for their timelines, print them; and, whatever happens, stop everything it started (also on
 * Ctrl-C, through a shutdown hook). {@link DemoCommand} parses and checks the options; this does the work.
 */
final class DemoRun {
    /** A part of the demo that failed, with what to look at. */
    static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoFailure(String message) {
            super(message);
        }
    }

    private final DemoCommand options;
    private final Path articles;
    private final PrintWriter out;
    private final PrintWriter err;
    private final DemoProgress progress;
    private final Path dir;
    private final Path log;
    private final LocalStack stack;
    private final String bootstrap;
    private final String registry;
    /** When waiting for the app and the timelines ends: --timeout after the broker and registry are up. */
    private long deadline;
    /** The broker and registry this run starts (not those given with --bootstrap-servers / --schema-registry-url). */
    private final List<LocalService> started = new ArrayList<>();

    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set once the app is created; read by the shutdown hook's thread. */
    private volatile StreamsApp app;

    DemoRun(DemoCommand options, Path articles, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.articles = articles;
        this.out = out;
        this.err = err;
        this.progress = new DemoProgress(err);
        this.dir = options.dataDir.resolve("demo");
        this.log = dir.resolve("demo.log");
        this.stack = LocalStack.onFreePorts(dir);
        if (options.bootstrapServers == null) {
            started.add(stack.kafka());
        }
        if (options.schemaRegistryUrl == null) {
            started.add(stack.registry());
        }
        this.bootstrap = options.bootstrapServers != null
                ? options.bootstrapServers
                : stack.kafka().endpoint();
        this.registry = options.schemaRegistryUrl != null
                ? options.schemaRegistryUrl
                : stack.registry().endpoint();
    }

    /** @return the exit status: 0 timelines printed, 1 a part failed or timed out */
    int run() {
        freshDirectory();
        Thread hook = new Thread(this::stopAll, "newsline-demo-shutdown"); // Ctrl-C
        Runtime.getRuntime().addShutdownHook(hook);
        AutoCloseable logging = LogToFile.redirect(log);
        try {
            progress.accept("data and logs in " + dir);
            stack.start(started, false, progress);
            deadline = System.nanoTime()
                    + Duration.ofSeconds(options.timeoutSeconds).toNanos();
            KafkaStreams streams = startStreamsApp();
            long published = publish();
            printTimelines(awaitTimelines(published, streams));
            if (options.serve) {
                serveUntilStopped(streams);
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
                stopAll();
            } catch (RuntimeException e) {
                err.println("demo: could not stop everything: " + e.getMessage());
            }
            removeShutdownHook(hook);
            closeQuietly(logging);
            progress.done();
        }
    }

    /** An empty DIR/demo; a demo that was killed (not stopped) may have left its broker or registry running. */
    private void freshDirectory() {
        stack.stop(stack.services(), message -> progress.accept(message + ", left running by an earlier demo"));
        deleteRecursively(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** @return the app's Kafka Streams, RUNNING; null with --no-stream, where the app is not ours */
    private KafkaStreams startStreamsApp() throws InterruptedException {
        if (options.noStream) {
            progress.accept("using the streams app that runs against " + bootstrap);
            return null;
        }
        progress.accept("creating the topics and starting the streams app (log " + log + ")");
        app = new StreamsApp(StreamsAppConfig.of(streamsSettings()));
        KafkaStreams streams = app.start();
        awaitRunning(streams);
        app.webUrl().ifPresent(url -> progress.accept("timelines page and API on " + url));
        return streams;
    }

    /** The demo's own app: its own application id and state under DIR/demo, few partitions. */
    private Map<String, String> streamsSettings() {
        return Map.of(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                SchemaRegistryConfig.SCHEMA_REGISTRY_URL,
                registry,
                StreamsConfig.APPLICATION_ID_CONFIG,
                "newsline-demo",
                StreamsConfig.STATE_DIR_CONFIG,
                dir.resolve("streams-state").toString(),
                StreamsAppConfig.TOPIC_PARTITIONS,
                Integer.toString(options.partitions),
                HttpSettings.LISTEN,
                options.listen);
    }

    /** {@code --serve}: prints the page's URL and keeps everything running until Ctrl-C (or the app stops). */
    private void serveUntilStopped(KafkaStreams streams) throws InterruptedException {
        String url = app.webUrl()
                .map(Object::toString)
                .orElseThrow(
                        () -> new DemoFailure("the streams app serves no page (" + HttpSettings.ENABLED + "=false?)"));
        out.println();
        out.println("Timelines page: " + url + "  (Ctrl-C to stop)");
        out.flush();
        progress.accept("serving " + url + " until Ctrl-C");
        // Ctrl-C runs the shutdown hook, which stops everything; until then only a stopped app ends the wait.
        app.awaitStopped();
        if (!stopped.get()) {
            checkAlive(streams);
        }
    }

    private void awaitRunning(KafkaStreams streams) throws InterruptedException {
        progress.accept("waiting for the streams app to join its group and get its partitions");
        while (streams.state() != KafkaStreams.State.RUNNING) {
            checkAlive(streams);
            if (System.nanoTime() > deadline) {
                throw new DemoFailure("the streams app did not reach RUNNING within " + options.timeoutSeconds
                        + " s (state " + streams.state() + "). Its log: " + log);
            }
            Thread.sleep(100);
        }
    }

    /** @return how many articles the producer published */
    private long publish() {
        progress.accept("publishing " + articles + " to news.articles.raw");
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
        summary.toString().lines().forEach(line -> progress.accept("producer: " + line));
        if (status != ProduceCommand.EXIT_OK && status != ProduceCommand.EXIT_FILES_FAILED) {
            throw new DemoFailure("the producer failed with exit status " + status + " (its messages are above)");
        }
        long published = produce.summary() == null ? 0 : produce.summary().published();
        if (published == 0) {
            throw new DemoFailure("no article was published from " + articles);
        }
        return published;
    }

    /** Polls the output topics until every published article is on its timelines, saying what it waits for. */
    private List<TopicTimeline> awaitTimelines(long published, KafkaStreams streams) throws InterruptedException {
        try (DemoOutcomes outcomes =
                new DemoOutcomes(bootstrap, registry, articles.toUri().toString())) {
            String waitingFor = "";
            while (true) {
                outcomes.poll(Duration.ofMillis(200));
                String now = waitingFor(outcomes, published);
                if (now == null) {
                    List<TopicTimeline> timelines = outcomes.timelines();
                    progress.accept(complete(outcomes, timelines));
                    return timelines;
                }
                if (!now.equals(waitingFor)) {
                    progress.accept(now);
                    waitingFor = now;
                }
                checkAlive(streams);
                if (System.nanoTime() > deadline) {
                    throw new DemoFailure("timed out after " + options.timeoutSeconds + " s "
                            + now.replace("waiting", "still") + ". The streams app's log: " + log);
                }
            }
        }
    }

    /** What is still missing, or null when the timelines are complete. */
    private static String waitingFor(DemoOutcomes outcomes, long published) {
        Set<String> behind = outcomes.timelinesBehind();
        if (outcomes.publishedSeen() < published) {
            return "waiting to read the " + published + " published articles back from news.articles.raw";
        } else if (outcomes.unprocessed() > 0) {
            return "waiting for the streams app to parse, deduplicate and enrich " + outcomes.unprocessed() + " of "
                    + published + " articles";
        } else if (!behind.isEmpty()) {
            return "waiting for the timeline snapshots of " + behind.size() + " topics on news.timelines ("
                    + String.join(", ", behind.stream().limit(5).toList())
                    + (behind.size() > 5 ? ", ..." : "") + ")";
        }
        return null;
    }

    private static String complete(DemoOutcomes outcomes, List<TopicTimeline> timelines) {
        return "complete: " + timelines.size() + " timelines with " + DemoOutcomes.entries(timelines) + " entries"
                + (outcomes.duplicates() > 0 ? ", " + outcomes.duplicates() + " duplicates dropped" : "")
                + (outcomes.failed() > 0
                        ? ", " + outcomes.failed() + " articles failed (see " + "news.articles.dlq)"
                        : "");
    }

    private void printTimelines(List<TopicTimeline> timelines) {
        timelines.forEach(timeline -> TimelinesCommand.printText(out, timeline));
        out.flush();
    }

    private void checkAlive(KafkaStreams streams) {
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

    /** Stops the app and what this run started, once: from the end of {@link #run} or from the Ctrl-C hook. */
    private void stopAll() {
        if (stopped.compareAndSet(false, true)) {
            StreamsApp running = app;
            if (running != null) {
                progress.accept("stopping the streams app");
                running.close();
            }
            stack.stop(started, progress);
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
