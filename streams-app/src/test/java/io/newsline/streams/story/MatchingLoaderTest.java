package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.DecidedStories;
import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
import io.newsline.streams.errors.FailureStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class MatchingLoaderTest {
    private static final long DAY = 86_400_000L;

    /** A loader over a fresh in-memory store, as Kafka Streams wires the global store's processor. */
    private static final class Loaded {
        final KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StoryTopology.MATCHING_STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        final MatchingCache summaries = new MatchingCache(16);
        final MatchingLoader loader = new MatchingLoader(new DecidedStories(16, 30_000), summaries);

        Loaded() {
            MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
            context.setCurrentSystemTimeMs(1_800_000_000_000L);
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
            loader.init(context);
        }

        Loaded read(List<KeyValue<String, byte[]>> topic) {
            topic.forEach(r -> loader.process(new Record<>(r.key, r.value, 0L)));
            return this;
        }

        /** The store's keys, postings as {@code key -> story id}, in key order. */
        List<String> keys() {
            try (KeyValueIterator<String, byte[]> it = store.all()) {
                return keysOf(it);
            }
        }

        List<String> storiesUnder(String key) {
            return index().stories(key, 10);
        }

        /** The index as the instance's tasks read it, through the decoded summaries the loader keeps current. */
        MatchingIndex index() {
            return new MatchingIndex(store, summaries);
        }
    }

    /** A matching store's keys in order, NUL shown as {@code |} (also used by MatchingIndexRestoreIT). */
    static List<String> keysOf(KeyValueIterator<String, byte[]> it) {
        List<String> keys = new ArrayList<>();
        it.forEachRemaining(kv -> keys.add(kv.key.replace('\u0000', '|')));
        return keys;
    }

    /** A summary record as a keeper writes it to the matching topic (also used by MatchingIndexRestoreIT). */
    static KeyValue<String, byte[]> summary(String id, long lastPublishedAt, Map<String, Double> centroid) {
        Story story = new Story(id, "t", 1, 0, lastPublishedAt, Story.NO_DATE, Story.NO_DATE, centroid, Map.of());
        return MatchingIndex.record(new StoryKeeper.PublishSummary(story, story.keys(8)));
    }

    private static KeyValue<String, byte[]> removed(String id) {
        return MatchingIndex.record(new StoryKeeper.RemoveSummary(id));
    }

    @Test
    void aSummaryIndexesItsStoryUnderItsKeys() {
        Loaded loaded = new Loaded().read(List.of(summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0))));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-a");
        assertThat(loaded.storiesUnder("k:talks")).containsExactly("story-a");
    }

    @Test
    void aNewerSummaryMovesThePostingsItNoLongerHas() {
        Loaded loaded = new Loaded()
                .read(List.of(
                        summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0)),
                        summary("story-a", 0, Map.of("e:gaza", 2.0, "k:truce", 1.0))));
        assertThat(loaded.storiesUnder("k:talks")).isEmpty();
        assertThat(loaded.storiesUnder("k:truce")).containsExactly("story-a");
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-a");
    }

    @Test
    void theMostRecentlyActiveStoryComesFirstUnderAKey() {
        Loaded loaded = new Loaded()
                .read(List.of(
                        summary("story-a", 0, Map.of("e:gaza", 1.0)),
                        summary("story-b", DAY, Map.of("e:gaza", 1.0)),
                        summary("story-a", 2 * DAY, Map.of("e:gaza", 1.0))));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-a", "story-b");
    }

    @Test
    void aTombstoneRemovesTheSummaryAndItsPostings() {
        Loaded loaded = new Loaded()
                .read(List.of(
                        summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0)),
                        summary("story-b", 0, Map.of("e:gaza", 1.0)),
                        removed("story-a")));
        assertThat(loaded.keys()).noneMatch(k -> k.contains("story-a"));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-b");
    }

    @Test
    void theIndexServesEachSummaryAsTheLoaderLastWroteIt() {
        Loaded loaded = new Loaded().read(List.of(summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0))));
        assertThat(loaded.index().summary("story-a").centroid()).containsEntry("k:talks", 1.0); // decoded and kept
        loaded.read(List.of(summary("story-a", 0, Map.of("e:gaza", 2.0, "k:truce", 1.0))));
        assertThat(loaded.index().summary("story-a").centroid())
                .containsKey("k:truce")
                .doesNotContainKey("k:talks");
        loaded.read(List.of(removed("story-a")));
        assertThat(loaded.index().summary("story-a")).isNull();
    }

    @Test
    void theIndexListsTheStoriesUnderAKeyAsTheLoaderLastWroteThem() {
        Loaded loaded = new Loaded().read(List.of(summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0))));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-a"); // scanned and kept
        loaded.read(List.of(summary("story-b", DAY, Map.of("e:gaza", 2.0))));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-b", "story-a");
        loaded.read(List.of(summary("story-a", 0, Map.of("k:talks", 1.0))));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-b");
        loaded.read(List.of(removed("story-b")));
        assertThat(loaded.storiesUnder("e:gaza")).isEmpty();
    }

    @Test
    void restoringFromTheCompactedTopicGivesTheSameStoreAsReadingItsWholeHistory() {
        List<KeyValue<String, byte[]>> history = List.of(
                summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0)),
                summary("story-b", 0, Map.of("e:gaza", 1.0, "k:hostage", 1.0)),
                summary("story-a", DAY, Map.of("e:gaza", 2.0, "k:truce", 1.0)),
                summary("story-c", DAY, Map.of("e:israel", 1.0)),
                removed("story-b"),
                summary("story-c", 2 * DAY, Map.of("e:israel", 1.0, "k:truce", 0.5)));
        // Compaction keeps each key's latest record (a tombstone too, for a while), in offset order.
        Map<String, KeyValue<String, byte[]>> latest = new LinkedHashMap<>();
        history.forEach(r -> {
            latest.remove(r.key);
            latest.put(r.key, r);
        });
        Loaded live = new Loaded().read(history);
        Loaded restored = new Loaded().read(new ArrayList<>(latest.values()));
        assertThat(restored.keys()).isEqualTo(live.keys());
        assertThat(live.keys()).anyMatch(k -> k.startsWith("p:k:truce|"));
    }

    @Test
    void postingRecordsOfEarlierVersionsAreCopiedAsTheyAre() {
        String legacy = "p:e:gaza\u0000" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-old");
        Loaded loaded = new Loaded().read(List.of(KeyValue.pair(legacy, new byte[0])));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-old");
    }

    @Test
    void aSummaryThatDoesNotReadRemovesItsStoryLikeATombstoneAndIsCounted() {
        KeyValue<String, byte[]> good = summary("story-a", 0, Map.of("e:gaza", 2.0, "k:talks", 1.0));
        // Cut after its postings: the loader could still index it, but every task that met it would fail.
        byte[] truncated = java.util.Arrays.copyOf(good.value, good.value.length - 20);
        long before = FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL);

        Loaded loaded = new Loaded()
                .read(List.of(good, summary("story-b", 0, Map.of("e:gaza", 1.0)), KeyValue.pair(good.key, truncated)));

        assertThat(loaded.keys()).noneMatch(k -> k.contains("story-a"));
        assertThat(loaded.storiesUnder("e:gaza")).containsExactly("story-b");
        assertThat(loaded.index().summary("story-a")).isNull();
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL))
                .isEqualTo(before + 1);
    }

    @Test
    void recordsThatAreNoSummaryAreSkippedNotStoredAndTheNextOnesLoad() {
        long before = FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL);
        KeyValue<String, byte[]> otherStory = summary("story-b", 0, Map.of("e:gaza", 1.0));

        Loaded loaded = new Loaded()
                .read(List.of(
                        KeyValue.pair("s:story-x", new byte[] {3, 0, 1}), // garbage after a valid kind byte
                        KeyValue.pair("s:story-y", new byte[] {99}), // an unknown kind (a newer format)
                        KeyValue.pair("s:story-a", otherStory.value), // story-b's summary under story-a
                        KeyValue.pair("what", new byte[] {1}), // neither a summary's key nor a posting's
                        KeyValue.pair(null, new byte[] {1}),
                        summary("story-c", 0, Map.of("e:gaza", 1.0))));

        assertThat(loaded.keys())
                .containsExactly(
                        "p:e:gaza|" + io.newsline.article.story.StoryIndex.postingOrder(0, "story-c"), "s:story-c");
        assertThat(FailureStats.shared().total(FailureStats.Outcome.DROPPED_GLOBAL))
                .isEqualTo(before + 5);
    }

    @Test
    void aSummaryWithAWeightThatIsNotANumberIsSkipped() {
        Story story = new Story(
                "story-a",
                "t",
                1,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                Map.of("e:gaza", Double.NaN, "k:talks", 1.0),
                Map.of());
        KeyValue<String, byte[]> poisoned = MatchingIndex.record(new StoryKeeper.PublishSummary(story, story.keys(8)));

        Loaded loaded = new Loaded().read(List.of(poisoned));

        assertThat(loaded.keys()).isEmpty();
    }
}
