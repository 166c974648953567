package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.StoryIndex;
import io.newsline.article.story.StoryKeeper;
import io.newsline.streams.StreamsAppConfig;
import io.newsline.streams.errors.FailureStats;
import io.newsline.testkit.KafkaTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
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
    private static final String POISONED_TOPIC = "matching-poisoned-it";
    private static final String FAILING_TOPIC = "matching-failing-it";
    private static final long DAY = 86_400_000L;

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start();
        for (String topic : List.of(TOPIC, POISONED_TOPIC, FAILING_TOPIC)) {
            kafka.createTopic(topic, 2, Map.of("cleanup.policy", "compact"));
        }
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static void produce(List<KeyValue<String, byte[]>> records) throws Exception {
        produce(TOPIC, records);
    }

    private static void produce(String topic, List<KeyValue<String, byte[]>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (KeyValue<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.key, r.value)).get();
            }
        }
    }

    /** An instance with only the matching index's global store, as StoryTopology builds it. */
    private static KafkaStreams start(Path stateDir) {
        return start(
                TOPIC,
                stateDir,
                Map.of(),
                () -> new MatchingLoader(new DecidedStories(16, 30_000), new MatchingCache(16)));
    }

    private static KafkaStreams start(
            String topic,
            Path stateDir,
            Map<String, String> settings,
            ProcessorSupplier<String, byte[], Void, Void> loader) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(StoryTopology.MATCHING_STORE),
                                Serdes.String(),
                                Serdes.ByteArray())
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()),
                loader);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, topic);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(settings);
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
                "p:e:gaza|" + StoryIndex.postingOrder(0, "story-a"),
                "p:e:gaza|" + StoryIndex.postingOrder(0, "story-b"),
                "p:k:hostage|" + StoryIndex.postingOrder(0, "story-b"),
                "p:k:talks|" + StoryIndex.postingOrder(0, "story-a"),
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
                "p:e:gaza|" + StoryIndex.postingOrder(1, "story-a"),
                "p:k:truce|" + StoryIndex.postingOrder(1, "story-a"),
                "s:story-a");
        try (KafkaStreams restarted = start(live)) { // restores from its checkpoint
            awaitContents(restarted, second);
        }
        try (KafkaStreams rebuilt = start(fresh)) { // restores from the beginning of the topic
            awaitContents(rebuilt, second);
        }
    }

    /**
     * Records that do not read, on the topic before and among good ones: the loader skips them (a summary as a
     * tombstone) instead of stopping the global thread, live and in both restores, where a failure would recur at
     * every start.
     */
    @Test
    void unreadableRecordsAreSkippedLiveAndInEveryRestore(@TempDir Path live, @TempDir Path fresh) throws Exception {
        KeyValue<String, byte[]> storyA = MatchingLoaderTest.summary("story-a", 0, Map.of("e:gaza", 2.0));
        produce(
                POISONED_TOPIC,
                List.of(
                        KeyValue.pair("s:story-x", new byte[] {3, 0, 1}),
                        storyA,
                        KeyValue.pair("s:story-a", Arrays.copyOf(storyA.value, storyA.value.length - 20)),
                        KeyValue.pair("junk", new byte[] {1}),
                        MatchingLoaderTest.summary("story-b", 0, Map.of("e:gaza", 1.0))));
        List<String> expected = List.of("p:e:gaza|" + StoryIndex.postingOrder(0, "story-b"), "s:story-b");
        Map<String, String> noHandlers = Map.of(); // the loader alone, without the app's exception handlers
        for (Path dir : List.of(live, live, fresh)) { // live, restored from its checkpoint, restored from scratch
            try (KafkaStreams streams = start(
                    POISONED_TOPIC,
                    dir,
                    noHandlers,
                    () -> new MatchingLoader(new DecidedStories(16, 30_000), new MatchingCache(16)))) {
                awaitContents(streams, expected);
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    /**
     * The app's exception-handling settings reach the global thread: a processor of a global store that throws on a
     * record (here on purpose; in the app, a failure the loader does not foresee) skips it and goes on, where Kafka's
     * default would stop the instance.
     */
    @Test
    void theAppsSettingsKeepTheGlobalThreadGoingPastAFailingRecord(@TempDir Path dir) throws Exception {
        Map<String, String> appHandling = new HashMap<>();
        for (String key : List.of(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG,
                StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)) {
            appHandling.put(key, StreamsAppConfig.defaults().get(key));
        }
        produce(
                FAILING_TOPIC,
                List.of(
                        KeyValue.pair("s:story-a", new byte[] {1}),
                        KeyValue.pair("s:story-boom", new byte[] {1}),
                        KeyValue.pair("s:story-b", new byte[] {1})));
        long before = FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL);

        try (KafkaStreams streams = start(FAILING_TOPIC, dir, appHandling, ThrowingCopier::new)) {
            awaitContents(streams, List.of("s:story-a", "s:story-b"));
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL))
                .isGreaterThan(before); // once live; a restore at a restart would skip it again
    }

    /** Copies records into the store, and throws on {@code s:story-boom}. */
    private static final class ThrowingCopier implements Processor<String, byte[], Void, Void> {
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(StoryTopology.MATCHING_STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            if (record.key().equals("s:story-boom")) {
                throw new IllegalStateException("a failure the loader did not foresee");
            }
            store.put(record.key(), record.value());
        }
    }
}
