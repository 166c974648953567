package io.newsline.testkit;

import io.newsline.common.SingleNodeKafkaSettings;
import java.time.Duration;
import java.util.Locale;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * The Docker-based equivalent of {@link KafkaTestCluster} plus {@link ApicurioRegistry}, for machines with a
 * Docker engine: Apache Kafka's own image and Confluent's Schema Registry on a private network, with the same
 * single-broker broker settings as {@link KafkaTestCluster}. A {@link Startable}, so a test can write
 *
 * <pre>{@code
 * @Testcontainers(disabledWithoutDocker = true)
 * class SomethingIT {
 *     @Container static final DockerStack stack = new DockerStack();
 *     ... stack.bootstrapServers(), stack.schemaRegistryUrl()
 * }
 * }</pre>
 *
 * Creating one does not touch Docker; {@link #start()} does.
 */
public final class DockerStack implements Startable {
    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");
    public static final DockerImageName SCHEMA_REGISTRY_IMAGE =
            DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0");

    private static final String KAFKA_ALIAS = "kafka";
    private static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final int SCHEMA_REGISTRY_PORT = 8081;

    private final Network network = Network.newNetwork();
    private final KafkaContainer kafka;
    private final GenericContainer<?> schemaRegistry;

    @SuppressWarnings("resource") // Closed in stop().
    public DockerStack() {
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withNetworkAliases(KAFKA_ALIAS)
                // A listener other containers on the network reach by name; tests use the mapped port.
                .withListener(KAFKA_INTERNAL_LISTENER);
        // KafkaContainer already sets the internal topics' replication to 1 and the rebalance delay to 0.
        SingleNodeKafkaSettings.broker()
                .forEach((key, value) ->
                        kafka.withEnv("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));

        schemaRegistry = new GenericContainer<>(SCHEMA_REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("schema-registry")
                .withExposedPorts(SCHEMA_REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + SCHEMA_REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_INTERNAL_LISTENER)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
                .dependsOn(kafka)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
    }

    /** Starts Kafka, then the registry, and waits until the registry answers. */
    @Override
    public void start() {
        schemaRegistry.start(); // Starts kafka first: dependsOn.
    }

    @Override
    public void stop() {
        schemaRegistry.stop();
        kafka.stop();
        network.close();
    }

    /** {@code host:port} of the broker as mapped on this machine. */
    public String bootstrapServers() {
        return kafka.getBootstrapServers();
    }

    /** The Confluent Schema Registry's URL as mapped on this machine. */
    public String schemaRegistryUrl() {
        return "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(SCHEMA_REGISTRY_PORT);
    }

    public KafkaContainer kafka() {
        return kafka;
    }

    public GenericContainer<?> schemaRegistry() {
        return schemaRegistry;
    }
}
