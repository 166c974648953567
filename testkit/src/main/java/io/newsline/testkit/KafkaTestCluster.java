package io.newsline.testkit;

import static org.awaitility.Awaitility.await;

import io.newsline.common.SingleNodeKafkaSettings;
import java.lang.reflect.Field;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka cluster (one process role "broker,controller") inside the test JVM, on
 * loopback ports chosen by the OS. Formatted with the production metadata version of the Kafka on the class
 * path, not the unreleased one Kafka's own test kit defaults to, so tests see what a real broker of that
 * version offers.
 *
 * <p>Its broker settings are those of every single-node cluster of ours ({@link SingleNodeKafkaSettings}), with
 * listeners on loopback ports chosen by the OS.
 *
 * <p>This is the only class that touches Kafka's internal test code ({@code kafka-test-common-runtime}),
 * which has moved between packages and modules before; keep it that way.
 */
public final class KafkaTestCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaTestCluster.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaClusterTestKit kit;
    private final String bootstrapServers;
    private final SharedAdmin admin;

    private KafkaTestCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        // The kit always reports "localhost"; the listener is bound to 127.0.0.1, so say so and skip ::1.
        this.bootstrapServers = kit.bootstrapServers().replace("localhost:", "127.0.0.1:");
        this.admin = new SharedAdmin(bootstrapServers);
    }

    /** Formats and starts a new cluster and waits until its broker is ready for clients. */
    public static KafkaTestCluster start() {
        long started = System.nanoTime();
        KafkaClusterTestKit kit = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SingleNodeKafkaSettings.broker().forEach(builder::setConfigProp);
            builder.setConfigProp(
                    "listeners",
                    nodes.brokerListenerName().value() + "://127.0.0.1:0,"
                            + nodes.controllerListenerName().value() + "://127.0.0.1:0");
            kit = builder.build();
            bindToLoopbackOnly(kit);
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            KafkaTestCluster cluster = new KafkaTestCluster(kit);
            log.info(
                    "Kafka test cluster at {} ready in {} ms",
                    cluster.bootstrapServers,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return cluster;
        } catch (Exception e) {
            if (kit != null) {
                closeQuietly(kit);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not start the Kafka test cluster", e);
        }
    }

    /** {@code host:port} of the broker, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * An admin client owned by this cluster and shared by its users; closing it does nothing, it is closed
     * with the cluster.
     */
    public Admin admin() {
        return admin;
    }

    /**
     * Creates a topic and returns once the broker serves all its partitions, so that producers and consumers
     * started next see it at once.
     *
     * @param configs topic-level settings such as {@code cleanup.policy}; may be empty
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
        // The controller has committed the topic; the broker's metadata cache may not have caught up yet.
        await("topic " + name + " served with a leader for all " + partitions + " partitions")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    TopicDescription description = admin.describeTopics(List.of(name))
                            .allTopicNames()
                            .get(5, TimeUnit.SECONDS)
                            .get(name);
                    return description.partitions().size() == partitions
                            && description.partitions().stream().allMatch(p -> p.leader() != null);
                });
    }

    /** Stops the broker and controller and deletes their data. */
    @Override
    public void close() {
        admin.shutDown();
        closeQuietly(kit);
    }

    /** An admin client that ignores {@code close()}, so that one user cannot break it for the others. */
    private static final class SharedAdmin extends ForwardingAdmin {
        SharedAdmin(String bootstrapServers) {
            super(Map.of("bootstrap.servers", bootstrapServers));
        }

        @Override
        public void close(Duration timeout) {
            // Closed by KafkaTestCluster.close() through shutDown().
        }

        void shutDown() {
            super.close(Duration.ofSeconds(10));
        }
    }

    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> featureLevels = Feature.PRODUCTION_FEATURES.stream()
                .collect(Collectors.toMap(
                        Feature::featureName, feature -> feature.defaultLevel(version), (a, b) -> a, TreeMap::new));
        return BootstrapMetadata.fromVersions(version, featureLevels, "newsline-testkit");
    }

    /**
     * The test kit reserves each listener's port up front by binding a socket to the wildcard address, which
     * would expose the broker to the network whatever {@code listeners} says. When such a reserved socket is
     * already closed at start-up, the kit binds the listener's configured host (127.0.0.1) on the same port
     * instead, so close them. The kit has no public hook for this, hence the reflection; should its internals
     * change, the cluster still works, only bound to all interfaces, and says so.
     */
    private static void bindToLoopbackOnly(KafkaClusterTestKit kit) {
        try {
            Object manager = readField(kit, "socketFactoryManager");
            Map<?, ?> socketsByNode = (Map<?, ?>) readField(manager, "sockets");
            for (Object sockets : socketsByNode.values()) {
                for (Object socket : ((Map<?, ?>) sockets).values()) {
                    ((ServerSocketChannel) socket).close();
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
            log.warn("Kafka's test kit changed: the test cluster listens on all interfaces, not only loopback", e);
        }
    }

    private static Object readField(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return Optional.ofNullable(field.get(target)).orElseThrow(() -> new NoSuchFieldException(name + " is null"));
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        try {
            kit.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("Error while stopping the Kafka test cluster", e);
        }
    }
}
