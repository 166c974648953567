package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.avro.RawArticle;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads back what the producer wrote, with a plain consumer and the project's Avro deserializer. */
final class RawTopic {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawTopic() {}

    /** A record as stored (value bytes) and as read back. */
    record Read(String key, byte[] valueBytes, RawArticle value) {}

    /**
     * Every record of the topic, once it holds at least {@code expected}: waits (bounded) for them to arrive,
     * then reads up to the end offsets, so more records than expected would show.
     */
    static List<Read> readAll(String bootstrapServers, String registryUrl, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
                SpecificAvroDeserializer<RawArticle> deserializer = new SpecificAvroDeserializer<>()) {
            deserializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("records in " + topic)
                    .atMost(TIMEOUT)
                    .until(() -> consumer.endOffsets(partitions).values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum()
                            >= expected);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Read> records = new ArrayList<>();
            await("reading " + topic + " up to " + end)
                    .atMost(TIMEOUT)
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            records.add(new Read(r.key(), r.value(), deserializer.deserialize(topic, r.value())));
                        }
                        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                    });
            return records;
        }
    }

    /** Checks the Confluent wire format: magic byte 0, then the id of the RawArticle schema in the registry. */
    static void assertWireFormat(byte[] value, String registryUrl) throws IOException, InterruptedException {
        assertThat(value[0]).as("magic byte").isZero();
        int id = ByteBuffer.wrap(value, 1, 4).getInt(); // big-endian, as ByteBuffer reads by default
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(registryUrl + "/schemas/ids/" + id))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        Schema schema = new Schema.Parser().parse(body.get("schema").asText());
        assertThat(schema).isEqualTo(RawArticle.getClassSchema());
    }

    static Map<String, RawArticle> byFileName(List<Read> records) {
        return records.stream().collect(Collectors.toMap(r -> r.value().getFileName(), Read::value));
    }
}
