package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryKeeper;
import io.newsline.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matching index's global store on a real broker: its postings are derived by {@link MatchingLoader}, not copied
 * from the topic, so a restore must run the topic through the loader. An instance restarted over its state
 * directory (restore from the checkpoint) and one started on an empty directory (restore from the beginning) must
 * both hold exactly what the instance that read the topic live holds.
 */
class MatchingIndexRestoreIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TOPIC = "matching-restore-it";
    private static final long DAY = 86_400_000L;

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(TOPIC, 2, Map.of("cleanup.policy", "compact"));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(List<KeyValue<String, byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (KeyValue<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(TOPIC, r.key, r.value)).get();
            }
        }
    }

    /** An instance with only the matching index's global store, as StoryTopology builds it. */
    private static KafkaStreams start(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoryTopology.MATCHING_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                TOPIC,
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new MatchingLoader(new DecidedStories(16, 30_000), new MatchingCache(16)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "matching-restore-it");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return streams;
    }

    private static List<String> contents(KafkaStreams streams) {
        ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                StoryTopology.MATCHING_STORE, QueryableStoreTypes.keyValueStore()));
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            return MatchingLoaderTest.keysOf(it);
        }
    }

    private static List<String> awaitContents(KafkaStreams streams, List<String> expected) {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(contents(streams))
                .isEqualTo(expected));
        return contents(streams);
    }

    @Test
    void restoredStoresHoldTheSamePostingsAsTheStoreThatReadTheTopicLive(@TempDir Path live, @TempDir Path fresh)
            throws Exception {
        produce(List.of(
                MatchingLoaderTest.summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0)),
                MatchingLoaderTest.summary("story-b", 0, Map.of("e:gaza", 1.0, "k:hostage", 1.0))));
        List<String> first = List.of(
                "p:e:gaza|" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-a"),
                "p:e:gaza|" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-b"),
                "p:k:hostage|" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-b"),
                "p:k:talks|" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-a"),
                "s:story-a",
                "s:story-b");
        try (KafkaStreams streams = start(live)) {
            awaitContents(streams, first);
        }
        // While the instance is down, story-a moves (new key, new day) and story-b is removed.
        produce(List.of(
                MatchingLoaderTest.summary("story-a", DAY, Map.of("e:gaza", 2.0, "k:truce", 1.0)),
                MatchingIndex.record(new StoryKeeper.RemoveSummary("story-b"))));
        List<String> second = List.of(
                "p:e:gaza|" + io.newsline.article.story.StoryIndex.postingOrder(1, "story-a"),
                "p:k:truce|" + io.newsline.article.story.StoryIndex.postingOrder(1, "story-a"),
                "s:story-a");
        try (KafkaStreams restarted = start(live)) { // restores from its checkpoint
            awaitContents(restarted, second);
        }
        try (KafkaStreams rebuilt = start(fresh)) { // restores from the beginning of the topic
            awaitContents(rebuilt, second);
        }
    }
}
