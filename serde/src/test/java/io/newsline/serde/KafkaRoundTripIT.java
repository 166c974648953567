package io.newsline.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.RawArticle;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A producer and a consumer configured by class name only, as an application would be, through the real
 * Kafka cluster and the real registry.
 */
@WithRealKafkaAndRegistry
@Timeout(120)
class KafkaRoundTripIT {

    @Test
    void produceAndConsumeWithSerdeClassesSetByName(KafkaTestCluster kafka, ApicurioRegistry registry)
            throws Exception {
        roundTrip(kafka.bootstrapServers(), registry.confluentApiUrl(), topic -> kafka.createTopic(topic, 1, Map.of()));
    }

    /** Also run against Confluent's own registry by {@link ConfluentRegistryContainersIT}. */
    static void roundTrip(String bootstrapServers, String registryUrl, Consumer<String> createTopic) throws Exception {
        String topic = RealInfrastructure.uniqueTopic("serde-kafka");
        createTopic.accept(topic);
        List<RawArticle> sent = List.of(
                SpecificAvroSerdeTest.article("k-1"),
                SpecificAvroSerdeTest.article("k-2"),
                SpecificAvroSerdeTest.article("k-3"));

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "io.newsline.serde.SpecificAvroSerializer");
        producerProps.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl);
        producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(producerProps)) {
            for (RawArticle article : sent) {
                producer.send(new ProducerRecord<>(topic, article.getArticleId(), article))
                        .get(30, TimeUnit.SECONDS);
            }
            producer.send(new ProducerRecord<>(topic, "k-1", null)).get(30, TimeUnit.SECONDS); // tombstone
        }

        List<ConsumerRecord<String, RawArticle>> received =
                consume(bootstrapServers, registryUrl, topic, "io.newsline.serde.SpecificAvroDeserializer", 4);
        assertThat(received)
                .extracting(ConsumerRecord::value)
                .containsExactly(sent.get(0), sent.get(1), sent.get(2), null);
        assertThat(received).extracting(ConsumerRecord::key).containsExactly("k-1", "k-2", "k-3", "k-1");

        // On the wire: magic byte, then an id the registry maps to RawArticle's schema.
        List<ConsumerRecord<String, byte[]>> rawRecords =
                consume(bootstrapServers, registryUrl, topic, ByteArrayDeserializer.class.getName(), 4);
        byte[] first = rawRecords.get(0).value();
        assertThat(first[0]).isZero();
        int id = ByteBuffer.wrap(first, 1, 4).getInt();
        HttpResponse<String> byId = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        String schemaText =
                new ObjectMapper().readTree(byId.body()).get("schema").asText();
        assertThat(new Schema.Parser().parse(schemaText)).isEqualTo(RawArticle.getClassSchema());
        assertThat(rawRecords.get(3).value()).isNull();
    }

    private static <V> List<ConsumerRecord<String, V>> consume(
            String bootstrapServers, String registryUrl, String topic, String valueDeserializer, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl);
        props.put(SchemaRegistryConfig.SPECIFIC_AVRO_READER, true);
        List<ConsumerRecord<String, V>> received = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition)); // no group: nothing to wait for but the fetch itself
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).as("records read from " + topic).hasSize(count);
        return received;
    }
}
