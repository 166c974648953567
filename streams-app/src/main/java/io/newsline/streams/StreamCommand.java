package io.newsline.streams;

import io.newsline.common.ClientSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsline stream}: runs the topology until SIGTERM / Ctrl-C. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Newsline Kafka Streams app: deduplicates, enriches and aggregates the articles of",
            "news.articles.raw into per-topic timelines on news.timeline-entries and news.timelines.",
            "Settings: defaults < --config FILE < NEWSLINE_* environment variables < options and -X."
        })
public final class StreamCommand implements Callable<Integer> {

    @Option(
            names = "--bootstrap-servers",
            description = "Kafka bootstrap servers (env NEWSLINE_BOOTSTRAP_SERVERS).",
            paramLabel = "HOST:PORT")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            description = "Schema registry URL(s), comma-separated (env NEWSLINE_SCHEMA_REGISTRY_URL).",
            paramLabel = "URL")
    String schemaRegistryUrl;

    @Option(names = "--state-dir", description = "Where local state stores live (state.dir).", paramLabel = "DIR")
    Path stateDir;

    @Option(names = "--application-id", description = "Kafka Streams application.id (default newsline-streams).")
    String applicationId;

    @Option(names = "--config", description = "A properties file with any Streams, client or newsline.* setting.")
    Path configFile;

    @Option(
            names = "-X",
            description = "Any setting as key=value; repeatable, wins over everything else.",
            paramLabel = "KEY=VALUE")
    List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        ClientSettings resolved = ClientSettings.withDefaults(StreamsAppConfig.defaults())
                .withFile(configFile)
                .withEnvironment(System.getenv())
                .with(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)
                .with("schema.registry.url", schemaRegistryUrl)
                .with(StreamsConfig.STATE_DIR_CONFIG, stateDir == null ? null : stateDir.toString())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, applicationId)
                .with(ClientSettings.parsePairs(settings));
        resolved.require(
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                "pass --bootstrap-servers HOST:PORT or set NEWSLINE_BOOTSTRAP_SERVERS.");
        resolved.require("schema.registry.url", "pass --schema-registry-url URL or set NEWSLINE_SCHEMA_REGISTRY_URL.");
        StreamsApp app = new StreamsApp(StreamsAppConfig.from(resolved));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "newsline-stream-shutdown"));
        return app.runUntilStopped();
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamCommand()).execute(args));
    }
}
