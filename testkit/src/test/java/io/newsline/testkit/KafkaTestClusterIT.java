package io.newsline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WithRealKafkaAndRegistry
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaTestClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTestCluster kafka;

    KafkaTestClusterIT(KafkaTestCluster kafka) {
        this.kafka = kafka;
    }

    @Test
    void aRecordGoesThroughAConsumerGroupAndItsOffsetIsCommitted() throws Exception {
        String topic = RealInfrastructure.uniqueTopic("round-trip");
        String group = RealInfrastructure.uniqueName("round-trip-group");
        kafka.createTopic(topic, 3, Map.of());

        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            sent = producer.send(new ProducerRecord<>(topic, "article-1", "hello"))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        try (KafkaConsumer<String, String> consumer = consumer(Map.of(ConsumerConfig.GROUP_ID_CONFIG, group))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = pollUntil(consumer, 1);
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("article-1");
                assertThat(record.value()).isEqualTo("hello");
                assertThat(record.partition()).isEqualTo(sent.partition());
            });
            consumer.commitSync(TIMEOUT);
        }

        Map<TopicPartition, OffsetAndMetadata> committed = kafka.admin()
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(committed.get(new TopicPartition(topic, sent.partition())).offset())
                .isEqualTo(sent.offset() + 1);
    }

    @Test
    void readCommittedConsumersSeeCommittedTransactionsOnly() {
        String topic = RealInfrastructure.uniqueTopic("transactions");
        kafka.createTopic(topic, 1, Map.of());

        try (KafkaProducer<String, String> producer =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, RealInfrastructure.uniqueName("tx")))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-1"));
            producer.send(new ProducerRecord<>(topic, "k", "committed-2"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed-3"));
            producer.commitTransaction();
        }

        try (KafkaConsumer<String, String> consumer =
                consumer(Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            assertThat(pollUntil(consumer, 3))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("committed-1", "committed-2", "committed-3");
        }
    }

    @Test
    void theBrokerAcceptsConnectionsOnLoopbackOnly() throws IOException {
        int port = Integer.parseInt(
                kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        }

        List<InetAddress> otherAddresses = nonLoopbackAddresses();
        assumeThat(otherAddresses).as("this machine's non-loopback addresses").isNotEmpty();
        for (InetAddress address : otherAddresses) {
            assertThatThrownBy(() -> {
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress(address, port), 2_000);
                        }
                    })
                    .as("connecting to %s:%d", address, port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aClusterOfItsOwnStartsCreatesConfiguredTopicsAndStops() throws Exception {
        String bootstrapServers;
        try (KafkaTestCluster own = KafkaTestCluster.start()) {
            bootstrapServers = own.bootstrapServers();
            assertThat(bootstrapServers).isNotEqualTo(kafka.bootstrapServers());

            own.createTopic("compacted", 2, Map.of("cleanup.policy", "compact"));

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
            String cleanupPolicy = own.admin()
                    .describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(resource)
                    .get("cleanup.policy")
                    .value();
            assertThat(cleanupPolicy).isEqualTo("compact");
            own.admin().close(); // Shared: must not close the cluster's client.
            assertThat(own.admin().listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .contains("compacted");
        }

        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
                    }
                })
                .isInstanceOf(ConnectException.class);
    }

    private KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                (int) TIMEOUT.toMillis()));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false));
        config.putAll(extra);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} records arrived, within {@link #TIMEOUT}. */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        await().atMost(TIMEOUT)
                .pollInSameThread() // KafkaConsumer must only be used from one thread.
                .pollDelay(Duration.ZERO)
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                    return received.size() >= count;
                });
        return received;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                // Link-local IPv6 addresses need a scope to connect to; the others are enough.
                .filter(address -> !(address instanceof Inet6Address && address.isLinkLocalAddress()))
                .toList();
    }
}
