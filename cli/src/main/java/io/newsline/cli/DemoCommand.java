package io.newsline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsline demo}: the whole pipeline on this machine in one command. Starts a Kafka broker and a schema
 * registry (unless given), the streams app in this JVM, publishes the sample articles, waits until their timelines
 * are complete, prints them, and stops everything it started.
 *
 * <p>This class is the options and their checks; {@link DemoRun} is the run.
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

    /** --data-dir: data and logs in DIR/demo. */
    @Mixin
    DataDirOption dataDir;

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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path articles =
                (input != null ? input : Places.seeds()).toAbsolutePath().normalize();
        if (!Files.isDirectory(articles)) {
            err.println("demo: no article directory " + articles + "; pass --input DIR.");
            return CommandLine.ExitCode.USAGE;
        }
        if (noStream && bootstrapServers == null) {
            err.println("demo: --no-stream needs --bootstrap-servers (a cluster where a streams app runs).");
            return CommandLine.ExitCode.USAGE;
        }
        if (serve && noStream) {
            err.println("demo: --serve needs the demo's own streams app (it serves the page); drop --no-stream.");
            return CommandLine.ExitCode.USAGE;
        }
        return new DemoRun(this, articles, spec.commandLine().getOut(), err).run();
    }
}
