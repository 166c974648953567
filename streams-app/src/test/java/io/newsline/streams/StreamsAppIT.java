package io.newsline.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.avro.DateSource;
import io.newsline.avro.DuplicateKind;
import io.newsline.avro.DuplicateNotice;
import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicTimeline;
import io.newsline.common.Topics;
import io.newsline.producer.ProduceCommand;
import io.newsline.serde.SchemaRegistryConfig;
import io.newsline.serde.SpecificAvroDeserializer;
import io.newsline.testkit.ApicurioRegistry;
import io.newsline.testkit.KafkaTestCluster;
import io.newsline.testkit.RealInfrastructure;
import io.newsline.testkit.WithRealKafkaAndRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The streams app on a real KRaft broker and a real schema registry, fed by the real producer: the seeds end up
 * as two dated entries on the same topic timelines and on one story's timeline, re-sending them adds nothing, and poison records reach the
 * dead-letter topic while the app keeps running. The app gets a cluster of its own, because the topic names
 * are the production ones.
 */
@WithRealKafkaAndRegistry
class StreamsAppIT {
    private static final Path SEEDS = Path.of("..", "seeds").toAbsolutePath().normalize();
    private static final Duration PATIENCE = RunningStreamsApp.PATIENCE;
    private static final List<String> RECENT_POSTS_WORDS =
            List.of("Winnie Harlow", "Kyle Kuzma", "NFL", "Pete Carroll", "Dillon Gabriel", "Shedeur", "Raiders");

    private static RunningStreamsApp running;
    private static KafkaTestCluster kafka;
    private static String registryUrl;
    private static KafkaStreams streams;

    @BeforeAll
    static void startApp(ApicurioRegistry registry, @TempDir Path stateDir) {
        running = RunningStreamsApp.start(
                registry,
                stateDir,
                "newsline-it",
                Map.of(StreamsAppConfig.TOPIC_PARTITIONS, "3")); // the story stage is on by default
        kafka = running.kafka;
        registryUrl = running.registryUrl;
        streams = running.streams;
    }

    @AfterAll
    static void stopApp() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void seedsBecomeTwoDatedEntriesOnTheSameTimelinesAndResendingAddsNothing() {
        assertThat(produce(SEEDS)).isZero();

        Map<String, TopicTimeline> timelines = new HashMap<>();
        try (KafkaConsumer<String, TopicTimeline> consumer = consumer(TopicTimeline.class)) {
            consumer.subscribe(List.of(Topics.TIMELINES));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> timelines.put(record.key(), record.value()));
                return hasEntries(timelines.get("benjamin-netanyahu"), 2) && hasEntries(timelines.get("israel"), 2);
            });
        }
        for (String topic : List.of("benjamin-netanyahu", "israel")) {
            List<TimelineEntry> entries = timelines.get(topic).getEntries();
            assertThat(entries)
                    .extracting(TimelineEntry::getByline)
                    .containsExactly("Benjamin Calderwood", "Ethan Brown Pheels");
            assertThat(entries.get(0).getPublishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));
            assertThat(entries.get(0).getDateSource()).isEqualTo(DateSource.TEXT);
            assertThat(entries.get(0).getPublishedAt()).isBefore(entries.get(1).getPublishedAt());
        }

        List<ConsumerRecord<String, TimelineEntry>> entryRecords =
                readAll(Topics.TIMELINE_ENTRIES, TimelineEntry.class, 1);
        assertThat(entryRecords)
                .extracting(ConsumerRecord::key)
                .filteredOn(key -> key.startsWith("benjamin-netanyahu|"))
                .hasSize(2);
        assertThat(entryRecords.stream().filter(r -> r.key().startsWith("benjamin-netanyahu|")))
                .extracting(ConsumerRecord::partition)
                .containsOnly(TimelineIdPartition.of("benjamin-netanyahu", 3));

        List<ConsumerRecord<String, EnrichedArticle>> enriched =
                readAll(Topics.ENRICHED_ARTICLES, EnrichedArticle.class, 2);
        assertThat(enriched).hasSize(2);
        for (ConsumerRecord<String, EnrichedArticle> record : enriched) {
            EnrichedArticle article = record.value();
            for (String word : RECENT_POSTS_WORDS) {
                assertThat(article.getBodyParagraphs()).noneMatch(paragraph -> paragraph.contains(word));
                assertThat(article.getTopics())
                        .noneMatch(topic -> topic.getLabel().contains(word));
            }
        }

        // The story stage: both seeds on one story, whose timeline (kind STORY) has the two dated entries. Decided at
        // the same moment on two partitions, the second may not have seen the first's story yet: then they found
        // twins, merged a few seconds later into the smaller id (published on news.story-merges), whose timeline
        // receives the other's entry.
        java.util.SortedSet<String> storyIds = new java.util.TreeSet<>();
        enriched.forEach(record -> storyIds.add(record.value().getStoryId()));
        assertThat(storyIds).allMatch(id -> id.startsWith("story-")).hasSizeBetween(1, 2);
        String storyId = storyIds.first();
        if (storyIds.size() == 2) {
            List<ConsumerRecord<String, io.newsline.avro.StoryMerge>> merges =
                    readAll(Topics.STORY_MERGES, io.newsline.avro.StoryMerge.class, 1);
            assertThat(merges).singleElement().satisfies(merge -> {
                assertThat(merge.key()).isEqualTo(storyIds.last());
                assertThat(merge.value().getIntoStoryId()).isEqualTo(storyId);
            });
        }
        Map<String, TopicTimeline> stories = new HashMap<>();
        try (KafkaConsumer<String, TopicTimeline> consumer = consumer(TopicTimeline.class)) {
            consumer.subscribe(List.of(Topics.TIMELINES));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> stories.put(record.key(), record.value()));
                return hasEntries(stories.get(storyId), 2);
            });
        }
        TopicTimeline story = stories.get(storyId);
        assertThat(story.getKind()).isEqualTo(io.newsline.avro.TopicKind.STORY);
        assertThat(story.getEntries())
                .extracting(TimelineEntry::getByline)
                .containsExactly("Benjamin Calderwood", "Ethan Brown Pheels");
        assertThat(story.getFirstPublishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));

        int entriesBefore =
                readAll(Topics.TIMELINE_ENTRIES, TimelineEntry.class, 1).size();
        assertThat(produce(SEEDS)).isZero();
        List<ConsumerRecord<String, DuplicateNotice>> notices = readAll(Topics.DUPLICATES, DuplicateNotice.class, 2);
        assertThat(notices).hasSize(2).allMatch(notice -> notice.value().getKind() == DuplicateKind.EXACT);
        assertThat(notices)
                .allMatch(notice -> notice.key().equals(notice.value().getOriginalId()));
        assertThat(readAll(Topics.ENRICHED_ARTICLES, EnrichedArticle.class, 2)).hasSize(2);
        assertThat(readAll(Topics.TIMELINE_ENTRIES, TimelineEntry.class, entriesBefore))
                .hasSize(entriesBefore);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheAppKeepsRunning(@TempDir Path inbox) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(
                            Topics.RAW_ARTICLES, "not-avro", "plain bytes".getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        java.nio.file.Files.writeString(inbox.resolve("headline-only.txt"), "A Headline And Nothing Else\n");
        assertThat(produce(inbox)).isZero();

        Map<String, ConsumerRecord<byte[], byte[]>> deadLetters = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerSettings(ByteArrayDeserializer.class, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> deadLetters.put(new String(record.key(), StandardCharsets.UTF_8), record));
                return deadLetters.size() >= 2;
            });
        }
        assertThat(headerText(deadLetters.get("not-avro"), "__streams.errors.exception"))
                .isNotBlank();
        ConsumerRecord<byte[], byte[]> unparseable = deadLetters.values().stream()
                .filter(record -> !new String(record.key(), StandardCharsets.UTF_8).equals("not-avro"))
                .findFirst()
                .orElseThrow();
        assertThat(headerText(unparseable, "__streams.errors.message")).contains("no body");
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static int produce(Path path) {
        return new CommandLine(new ProduceCommand())
                .execute(
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--schema-registry-url",
                        registryUrl,
                        "--no-progress",
                        path.toString());
    }

    private static boolean hasEntries(TopicTimeline timeline, int count) {
        return timeline != null && timeline.getEntries().size() == count;
    }

    /** Reads a topic from the start until at least {@code expected} records are seen, then to its end. */
    private static <T extends org.apache.avro.specific.SpecificRecord> List<ConsumerRecord<String, T>> readAll(
            String topic, Class<T> type, int expected) {
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = consumer(type)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected && caughtUp(consumer);
            });
        }
        return records;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer) {
        if (consumer.assignment().isEmpty()) {
            return false;
        }
        Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<String, T> consumer(
            Class<T> type) {
        return new KafkaConsumer<>(
                consumerSettings(StringDeserializer.class, ByteArrayDeserializer.class),
                new StringDeserializer(),
                avroDeserializer(type));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroDeserializer<T> avroDeserializer(
            Class<T> type) {
        SpecificAvroDeserializer<T> deserializer = new SpecificAvroDeserializer<>();
        deserializer.configure(Map.of(SchemaRegistryConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
        return deserializer;
    }

    private static Map<String, Object> consumerSettings(Class<?> keyDeserializer, Class<?> valueDeserializer) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, RealInfrastructure.uniqueName("reader"));
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        return settings;
    }

    private static String headerText(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Where the default partitioner puts a snapshot keyed by topic id, which entries must match. */
    private static final class TimelineIdPartition {
        static int of(String topicId, int partitions) {
            return io.newsline.streams.timeline.TopicIdPartitioner.partitionOf(topicId, partitions);
        }
    }
}
