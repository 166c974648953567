package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.streams.story.RecheckSchedule.Recheck;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The pending rechecks, in the store and by due time in memory, over an in-memory store. */
class RecheckScheduleTest {
    private final KeyValueStore<String, byte[]> store = store();

    @Test
    void onlyTheRechecksDueAreReturnedInStoryIdOrder() {
        RecheckSchedule schedule = new RecheckSchedule(store);
        schedule.put("story-c", new Recheck(1_000, 1, 0));
        schedule.put("story-a", new Recheck(2_000, 1, 0));
        schedule.put("story-b", new Recheck(1_500, 2, 3));
        schedule.put("story-d", new Recheck(2_001, 1, 0));

        assertThat(schedule.due(999)).isEmpty();
        assertThat(schedule.due(2_000))
                .containsExactly(
                        KeyValue.pair("story-a", new Recheck(2_000, 1, 0)),
                        KeyValue.pair("story-b", new Recheck(1_500, 2, 3)),
                        KeyValue.pair("story-c", new Recheck(1_000, 1, 0)));
    }

    @Test
    void aPutMovesTheStorysDueTimeAndARemoveForgetsIt() {
        RecheckSchedule schedule = new RecheckSchedule(store);
        schedule.put("story-a", new Recheck(1_000, 1, 0));
        schedule.put("story-b", new Recheck(1_000, 1, 0));
        schedule.put("story-a", new Recheck(9_000, 2, 0));
        schedule.remove("story-b");
        schedule.remove("story-unknown");

        assertThat(schedule.due(8_999)).isEmpty();
        assertThat(schedule.due(9_000)).containsExactly(KeyValue.pair("story-a", new Recheck(9_000, 2, 0)));
        assertThat(schedule.size()).isEqualTo(1);
        assertThat(store.get("story-b")).isNull();
        assertThat(Recheck.decode(store.get("story-a"))).isEqualTo(new Recheck(9_000, 2, 0));
    }

    @Test
    void aScheduleBuiltAfterARestartHoldsWhatTheStoreHolds() {
        RecheckSchedule before = new RecheckSchedule(store);
        before.put("story-a", new Recheck(1_000, 1, 0));
        before.put("story-b", new Recheck(5_000, 3, 1));
        before.put("story-c", new Recheck(2_000, 1, 0));
        before.remove("story-c");

        // The task starts again (restored from the changelog, or revived): only the store is durable.
        RecheckSchedule after = new RecheckSchedule(store);

        assertThat(after.size()).isEqualTo(2);
        List<KeyValue<String, Recheck>> due = after.due(10_000);
        assertThat(due)
                .containsExactly(
                        KeyValue.pair("story-a", new Recheck(1_000, 1, 0)),
                        KeyValue.pair("story-b", new Recheck(5_000, 3, 1)));
    }

    private static KeyValueStore<String, byte[]> store() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("story-recheck"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
