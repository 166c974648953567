package io.newsline.streams.web;

import static org.awaitility.Awaitility.await;

import io.newsline.producer.ProduceCommand;
import io.newsline.streams.StreamsApp;
import io.newsline.streams.StreamsAppConfig;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine;

/**
 * Instances of the streams app (one application id) on a Kafka cluster of their own and the shared registry, each
 * with its HTTP API on a free loopback port; started, RUNNING and ready.
 */
final class AppInstances implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(120);

    final KafkaTestCluster kafka;
    final String registryUrl;
    final List<StreamsApp> apps = new ArrayList<>();
    final List<URI> urls = new ArrayList<>();

    private AppInstances(KafkaTestCluster kafka, String registryUrl) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
    }

    static AppInstances start(ApicurioRegistry registry, Path stateRoot, int instances, int partitions) {
        AppInstances started = new AppInstances(KafkaTestCluster.start(), registry.confluentApiUrl());
        try {
            String applicationId = RealInfrastructure.uniqueName("newsline-web");
            List<KafkaStreams> streams = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Map<String, String> settings = new HashMap<>();
                settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, started.kafka.bootstrapServers());
                settings.put("schema.registry.url", started.registryUrl);
                settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
                settings.put(
                        StreamsConfig.STATE_DIR_CONFIG,
                        stateRoot.resolve("instance-" + i).toString());
                settings.put(StreamsAppConfig.SNAPSHOT_INTERVAL_MS, "200");
                // Twin stories of the seeds (decided at once on two partitions) merge soon after.
                settings.put(io.newsline.streams.story.StorySettings.RECHECK_DELAY_MS, "500");
                settings.put(StreamsAppConfig.TOPIC_PARTITIONS, Integer.toString(partitions));
                settings.put(HttpSettings.LISTEN, "127.0.0.1:0");
                StreamsApp app = new StreamsApp(StreamsAppConfig.of(settings));
                started.apps.add(app);
                streams.add(app.start());
                started.urls.add(app.webUrl().orElseThrow());
            }
            await().atMost(PATIENCE)
                    .until(() -> streams.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING)
                            && started.urls.stream()
                                    .allMatch(url ->
                                            Http.get(url, "/health/ready").status() == 200));
            return started;
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
    }

    /** Publishes files with the real producer; its exit code. */
    int produce(Path path) {
        return new CommandLine(new ProduceCommand())
                .execute(
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--schema-registry-url",
                        registryUrl,
                        "--no-progress",
                        path.toString());
    }

    @Override
    public void close() {
        apps.forEach(StreamsApp::close);
        kafka.close();
    }
}
