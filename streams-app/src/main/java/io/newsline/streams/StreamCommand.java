package io.newsline.streams;

import io.newsline.common.ClientSettings;
import io.newsline.common.cli.ClientSettingOptions;
import io.newsline.common.cli.KafkaConnectionOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsline stream}: runs the topology until SIGTERM / Ctrl-C. */
@Command(
        name = "stream",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the Newsline Kafka Streams app until stopped (SIGTERM or Ctrl-C).",
            "It deduplicates, enriches and aggregates the articles of news.articles.raw into per-topic",
            "timelines on news.timeline-entries and news.timelines.",
            "Settings: defaults < --config FILE < NEWSLINE_* environment variables < options and -X."
        })
public final class StreamCommand implements Callable<Integer> {

    /** --bootstrap-servers, --schema-registry-url. */
    @Mixin
    KafkaConnectionOptions connection;

    @Option(names = "--state-dir", description = "Where local state stores live (state.dir).", paramLabel = "DIR")
    Path stateDir;

    @Option(names = "--application-id", description = "Kafka Streams application.id (default newsline-streams).")
    String applicationId;

    @Option(names = "--config", description = "A properties file with any Streams, client or newsline.* setting.")
    Path configFile;

    /** -X KEY=VALUE: here it wins over everything else, the options too. */
    @Mixin
    ClientSettingOptions x;

    @Override
    public Integer call() {
        StreamsApp app = new StreamsApp(StreamsAppConfig.from(settings(System.getenv())));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "newsline-stream-shutdown"));
        return app.runUntilStopped();
    }

    /** Every layer resolved; the brokers and the registry are required. */
    ClientSettings settings(Map<String, String> environment) {
        // Here -X wins over the options too, so the chain is built by hand rather than with connection.resolve.
        ClientSettings resolved = connection
                .applyTo(ClientSettings.withDefaults(StreamsAppConfig.defaults())
                        .withFile(configFile)
                        .withEnvironment(environment))
                .with(StreamsConfig.STATE_DIR_CONFIG, stateDir == null ? null : stateDir.toString())
                .with(StreamsConfig.APPLICATION_ID_CONFIG, applicationId)
                .with(x.settings());
        return connection.requireConnection(resolved);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamCommand()).execute(args));
    }
}
