package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
import io.newsline.streams.story.RecheckSchedule.Recheck;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The stories looking for a twin, by due time in memory, and the schedule rebuilt from the ledger after a start. */
class RecheckScheduleTest {
    private static final long DELAY = 1_000;
    private static final long SPAN = 100_000;

    @Test
    void onlyTheRechecksDueAreReturnedInStoryIdOrder() {
        RecheckSchedule schedule = new RecheckSchedule();
        schedule.put("story-c", new Recheck(1_000, 1, 0, 0));
        schedule.put("story-a", new Recheck(2_000, 1, 0, 1_000));
        schedule.put("story-b", new Recheck(1_500, 2, 3, 0));
        schedule.put("story-d", new Recheck(2_001, 1, 0, 1_001));

        assertThat(schedule.due(999)).isEmpty();
        assertThat(schedule.due(2_000))
                .containsExactly(
                        KeyValue.pair("story-a", new Recheck(2_000, 1, 0, 1_000)),
                        KeyValue.pair("story-b", new Recheck(1_500, 2, 3, 0)),
                        KeyValue.pair("story-c", new Recheck(1_000, 1, 0, 0)));
    }

    @Test
    void aPutMovesTheStorysDueTimeAndARemoveForgetsIt() {
        RecheckSchedule schedule = new RecheckSchedule();
        schedule.put("story-a", new Recheck(1_000, 1, 0, 0));
        schedule.put("story-b", new Recheck(1_000, 1, 0, 0));
        schedule.put("story-a", new Recheck(9_000, 2, 0, 0));
        schedule.remove("story-b");
        schedule.remove("story-unknown");

        assertThat(schedule.due(8_999)).isEmpty();
        assertThat(schedule.due(9_000)).containsExactly(KeyValue.pair("story-a", new Recheck(9_000, 2, 0, 0)));
        assertThat(schedule.size()).isEqualTo(1);
        assertThat(schedule.since("story-a")).isZero();
        assertThat(schedule.since("story-b")).isEqualTo(StoryCodec.NOT_LOOKING);
    }

    @Test
    void afterAStartAStoryTakesTheLatestLookDueByThenOrItsFirst() {
        // Looks nominally at since + 1, + 4 and + 13 delays (StoryKeeper.delaysBeforeLook: 1, 3, 9).
        long since = 50_000;
        assertThat(RecheckSchedule.resumed(since, DELAY, since + 500)).isEqualTo(new Recheck(51_000, 1, 0, since));
        assertThat(RecheckSchedule.resumed(since, DELAY, since + 3_999)).isEqualTo(new Recheck(51_000, 1, 0, since));
        assertThat(RecheckSchedule.resumed(since, DELAY, since + 4_000)).isEqualTo(new Recheck(54_000, 2, 0, since));
        assertThat(RecheckSchedule.resumed(since, DELAY, since + 13_000))
                .isEqualTo(new Recheck(63_000, StoryKeeper.LOOKS, 0, since));
        assertThat(RecheckSchedule.resumed(since, DELAY, since + 1_000_000))
                .isEqualTo(new Recheck(63_000, StoryKeeper.LOOKS, 0, since));
    }

    @Test
    void aScheduleRebuiltFromTheLedgerHoldsTheStoriesWhoseLooksMayNotBeOver() {
        KeyValueStore<String, byte[]> ledger = store();
        long latest = 1_000_000;
        ledger.put("story-latest", live("story-latest", latest));
        ledger.put("story-within-span", live("story-within-span", latest - SPAN));
        ledger.put("story-done-long-before", live("story-done-long-before", latest - SPAN - 1));
        ledger.put("story-not-looking", live("story-not-looking", StoryCodec.NOT_LOOKING));
        ledger.put("story-merged", StoryCodec.encodeEntry(new StoryKeeper.MergedInto("story-latest"), 5, latest));

        RecheckSchedule schedule;
        try (KeyValueIterator<String, byte[]> entries = ledger.all()) {
            schedule = RecheckSchedule.resume(entries, DELAY, SPAN, latest + 2_000);
        }

        assertThat(schedule.size()).isEqualTo(2);
        assertThat(schedule.due(latest + SPAN))
                .containsExactly(
                        KeyValue.pair("story-latest", new Recheck(latest + DELAY, 1, 0, latest)),
                        KeyValue.pair(
                                "story-within-span",
                                new Recheck(latest - SPAN + 13 * DELAY, StoryKeeper.LOOKS, 0, latest - SPAN)));
    }

    private static byte[] live(String storyId, long looksSince) {
        Story story = new Story(
                storyId,
                "a title",
                1,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                Map.of("e:acme", 0.8, "k:strike", 0.6),
                Map.of("e:acme", "Acme"));
        return StoryCodec.encodeEntry(new StoryKeeper.Live(story), 5, looksSince);
    }

    private static KeyValueStore<String, byte[]> store() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("story-stories"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
