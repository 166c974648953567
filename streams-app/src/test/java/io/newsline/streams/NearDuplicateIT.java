package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.RawArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.common.Topics;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.serde.SpecificAvroSerializer;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Near-duplicate detection across partitions on a real KRaft broker and a real schema registry: seed 000 and an
 * edited copy of it are produced at the same moment to two different partitions of a four-partition raw topic;
 * exactly one of them, the copy (ingested later), is reported NEAR, only the original reaches the enriched topic
 * and the timelines, and the original's entries list the copy's source. The app gets a cluster of its own, because
 * the topic names are the production ones.
 */
@WithRealKafkaAndRegistry
class NearDuplicateIT {
    private static final Duration PATIENCE = RunningStreamsApp.PATIENCE;
    private static final int PARTITIONS = 4;
    private static final Instant INGESTED = Instant.now().minusSeconds(10);

    private static RunningStreamsApp running;
    private static KafkaTestCluster kafka;
    private static String registryUrl;

    @BeforeAll
    static void startApp(ApicurioRegistry registry, @TempDir Path stateDir) {
        running = RunningStreamsApp.start(
                registry,
                stateDir,
                "newsline-near-it",
                Map.of(StreamsAppConfig.TOPIC_PARTITIONS, Integer.toString(PARTITIONS)));
        kafka = running.kafka;
        registryUrl = running.registryUrl;
    }

    @AfterAll
    static void stopApp() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void anEditedCopyIngestedLaterButSentFirstEndsAsTheOneNearDuplicate() throws Exception {
        RawArticle original = NearDuplicateTopologyTest.raw(
                "000.txt", NearDuplicateFixtures.seed(NearDuplicateFixtures.SEED_000), INGESTED);
        RawArticle copy = NearDuplicateTopologyTest.raw(
                "copy-of-000.txt", NearDuplicateFixtures.editedCopyOfSeed000(), INGESTED.plusSeconds(1));

        // The copy first, the original right after, in one batch, each on the partition its id hashes to.
        List<RecordMetadata> sent = produce(List.of(
                new ProducerRecord<>(Topics.RAW_ARTICLES, copy.getArticleId(), copy),
                new ProducerRecord<>(Topics.RAW_ARTICLES, original.getArticleId(), original)));
        assertThat(sent).hasSize(2);

        Map<String, EnrichedArticle> enriched = new java.util.HashMap<>();
        readUntil(
                Topics.ENRICHED_ARTICLES,
                EnrichedArticle.class,
                record -> enriched.put(record.key(), record.value()),
                () -> enriched.get(original.getArticleId()) != null);
        List<DuplicateNotice> notices = new ArrayList<>();
        readUntil(
                Topics.DUPLICATES,
                DuplicateNotice.class,
                record -> notices.add(record.value()),
                () -> !notices.isEmpty());
        Map<String, TimelineEntry> entries = new java.util.HashMap<>();
        readUntil(
                Topics.TIMELINE_ENTRIES,
                TimelineEntry.class,
                record -> entries.put(record.key(), record.value()),
                () -> entries.values().stream()
                        .anyMatch(entry ->
                                entry != null && entry.getAlsoReportedBy().contains(copy.getSourceUri())));

        assertThat(notices).hasSize(1);
        DuplicateNotice notice = notices.get(0);
        assertThat(notice.getKind()).isEqualTo(DuplicateKind.NEAR);
        assertThat(notice.getDuplicateId()).isEqualTo(copy.getArticleId());
        assertThat(notice.getOriginalId()).isEqualTo(original.getArticleId());
        assertThat(notice.getSimilarity()).isBetween(0.5, 1.0);
        // The copy may have gone through first (then it was retracted with a tombstone): what is left is the original.
        assertThat(enriched.get(copy.getArticleId())).isNull();
        assertThat(entries.values().stream().filter(java.util.Objects::nonNull))
                .isNotEmpty()
                .allMatch(entry -> entry.getArticleId().equals(original.getArticleId()));
    }

    private static List<RecordMetadata> produce(List<ProducerRecord<String, RawArticle>> records) throws Exception {
        SpecificAvroSerializer<RawArticle> serializer = new SpecificAvroSerializer<>();
        serializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 50);
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, RawArticle> producer =
                new KafkaProducer<>(settings, new StringSerializer(), serializer)) {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            for (ProducerRecord<String, RawArticle> record : records) {
                futures.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> future : futures) {
                sent.add(future.get());
            }
        }
        return sent;
    }

    /**
     * Reads a topic from the start until {@code done} holds and the reader has caught up with the end of every
     * partition, so that nothing written before that point is missed.
     */
    private static <T extends SpecificRecord> void readUntil(
            String topic,
            Class<T> type,
            java.util.function.Consumer<ConsumerRecord<String, T>> sink,
            java.util.function.BooleanSupplier done) {
        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, RealInfrastructure.uniqueName("near-it-reader"));
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, T> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
                return done.getAsBoolean() && caughtUp(consumer);
            });
        }
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer) {
        if (consumer.assignment().isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }
}
