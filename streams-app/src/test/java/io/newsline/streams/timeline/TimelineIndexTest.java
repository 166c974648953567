package io.newsline.streams.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The index and the locator it can always be rebuilt from, over in-memory stores. */
class TimelineIndexTest {
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final Metrics metrics = new Metrics();
    private final Sensor writes = metrics.sensor("writes");
    private final KeyValueStore<Bytes, byte[]> index = store("index");

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void putMovesAnEntryThatChangedDateAndCountsItOnce() {
        TimelineIndex timelines = new TimelineIndex(index, store("locator"), false, writes);
        timelines.put("gaza", "a", 100);
        timelines.put("gaza", "b", 200);
        timelines.put("gaza", "a", 300);
        timelines.put("gaza", "a", 300);

        assertThat(timelines.count("gaza")).isEqualTo(2);
        assertThat(timelines.dateOf("gaza", "a")).isEqualTo(300);
        assertThat(timelines.firstDate("gaza")).isEqualTo(200);
        assertThat(timelines.lastDate("gaza")).isEqualTo(300);
        assertThat(timelines.remove("gaza", "a")).isTrue();
        assertThat(timelines.remove("gaza", "a")).isFalse();
        assertThat(timelines.count("gaza")).isEqualTo(1);
        assertThat(timelines.lastDate("gaza")).isEqualTo(200);
    }

    @Test
    void aLocatorThatNeverSawTheIndexIsRebuiltFromIt() {
        TimelineIndex first = new TimelineIndex(index, store("locator-1"), false, writes);
        first.put("gaza", "a", 100);
        first.put("qatar", "a", 100);
        first.put("gaza", "b", 200);

        // Another instance takes the task over: the changelogged index is restored, its locator is empty.
        TimelineIndex other = new TimelineIndex(index, store("locator-2"), false, writes);

        assertThat(other.count("gaza")).isEqualTo(2);
        assertThat(other.count("qatar")).isEqualTo(1);
        assertThat(other.dateOf("gaza", "b")).isEqualTo(200);
        assertThat(other.remove("gaza", "a")).isTrue();
        assertThat(other.count("gaza")).isEqualTo(1);
    }

    @Test
    void aLocatorLeftBehindByAnEarlierAssignmentIsRebuilt() {
        KeyValueStore<Bytes, byte[]> leftBehind = store("locator-1");
        new TimelineIndex(index, leftBehind, false, writes).put("gaza", "a", 100);
        TimelineIndex elsewhere = new TimelineIndex(index, store("locator-2"), false, writes);
        elsewhere.put("gaza", "b", 200);
        elsewhere.remove("gaza", "a");

        // The task comes back to the first instance, whose locator still says "gaza|a at 100".
        TimelineIndex back = new TimelineIndex(index, leftBehind, false, writes);

        assertThat(back.dateOf("gaza", "a")).isNull();
        assertThat(back.dateOf("gaza", "b")).isEqualTo(200);
        assertThat(back.count("gaza")).isEqualTo(1);
    }

    @Test
    void expiryKeysAreAddedWhenARetentionIsSwitchedOn() {
        KeyValueStore<Bytes, byte[]> locator = store("locator");
        TimelineIndex without = new TimelineIndex(index, locator, false, writes);
        without.put("gaza", "old", 100);
        without.put("gaza", "new", 900);

        TimelineIndex with = new TimelineIndex(index, locator, true, writes);

        assertThat(with.publishedBefore(500, 10)).containsExactly(new TimelineKeys.IndexedEntry("gaza", 100, "old"));
    }

    private KeyValueStore<Bytes, byte[]> store(String name) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
