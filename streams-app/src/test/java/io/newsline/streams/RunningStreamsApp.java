package io.newsline.streams;

import static org.awaitility.Awaitility.await;

import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams app running against a Kafka cluster of its own (the topic names are the production ones, so apps of
 * different test classes must not share a cluster) and the shared registry, started and RUNNING.
 */
final class RunningStreamsApp implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(120);

    final KafkaTestCluster kafka;
    final String registryUrl;
    final KafkaStreams streams;
    private final StreamsApp app;

    private RunningStreamsApp(KafkaTestCluster kafka, String registryUrl, StreamsApp app, KafkaStreams streams) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.app = app;
        this.streams = streams;
    }

    /** Starts a cluster and the app with the given settings on top of the test ones, and waits until RUNNING. */
    static RunningStreamsApp start(
            ApicurioRegistry registry, Path stateDir, String applicationIdPrefix, Map<String, String> overrides) {
        KafkaTestCluster kafka = KafkaTestCluster.start();
        Map<String, String> settings = new HashMap<>();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registry.confluentApiUrl());
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, RealInfrastructure.uniqueName(applicationIdPrefix));
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsAppConfig.SNAPSHOT_INTERVAL_MS, "200");
        settings.putAll(overrides);
        StreamsApp app = new StreamsApp(StreamsAppConfig.of(settings));
        KafkaStreams streams = app.start();
        await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return new RunningStreamsApp(kafka, registry.confluentApiUrl(), app, streams);
    }

    @Override
    public void close() {
        app.close();
        kafka.close();
    }
}
