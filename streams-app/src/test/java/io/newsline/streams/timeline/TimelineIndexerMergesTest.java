package io.newsline.streams.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.DateSource;
import io.newsline.avro.TimelineEntry;
import io.newsline.avro.TopicKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TimelineIndexer} on a partition where story-b was merged into story-a, record by record (the order a real
 * partition can read them in, which a TopologyTestDriver, reading each output back at once, never shows).
 */
class TimelineIndexerMergesTest {
    private static final TimelineStores STORES = TimelineStores.standard();
    private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

    private final MockProcessorContext<String, TimelineEntry> context = new MockProcessorContext<>();
    private final TimelineIndexer indexer = new TimelineIndexer(STORES, Duration.ZERO, Duration.ofHours(1), true);

    @BeforeEach
    void start() {
        store(STORES.index());
        store(STORES.locator());
        MergedTopics merged = new MergedTopics(store(STORES.mergedTopics()));
        indexer.init(context);
        merged.record("story-b", "story-a", AT.toEpochMilli());
    }

    @Test
    void anEntryReadTwiceBeforeItsTombstoneIsRemovedOnceAndReachesTheSurvivorBothTimes() {
        readBack("story-b|x", entry("story-b", "x", "first"));
        readBack("story-b|x", entry("story-b", "x", "second"));

        assertThat(forwarded()).containsExactly("story-b|x=null", "story-a|x=first", "story-a|x=second");
    }

    @Test
    void theReRoutesOwnTombstoneGoesNoFurther() {
        readBack("story-b|x", entry("story-b", "x", "first"));
        readBack("story-b|x", entry("story-b", "x", "second"));
        context.resetForwards();

        readBack("story-b|x", null);

        assertThat(forwarded()).isEmpty();
    }

    @Test
    void aTombstoneOfAnEntryNoLongerHeldIsPassedOnToTheSurvivor() {
        readBack("story-b|x", entry("story-b", "x", "first"));
        readBack("story-b|x", null); // the re-route's own
        context.resetForwards();

        readBack("story-b|x", null); // a retraction: the filing stage still thinks x is on story-b

        assertThat(forwarded()).containsExactly("story-a|x=null");
    }

    @Test
    void aRetractionReadBeforeTheReRoutesOwnTombstoneStillReachesTheSurvivor() {
        readBack("story-b|x", entry("story-b", "x", "first"));
        context.resetForwards();

        readBack("story-b|x", null); // the retraction, written before the re-route's tombstone came back
        readBack("story-b|x", null); // the re-route's own

        assertThat(forwarded()).containsExactly("story-a|x=null");
    }

    @Test
    void topicsNeverMergedAreIndexedAsBefore() {
        readBack("gaza|x", entry("gaza", "x", "first"));
        readBack("gaza|x", null);
        readBack("gaza|x", null);

        assertThat(forwarded()).isEmpty();
    }

    private void readBack(String key, TimelineEntry entry) {
        indexer.process(new Record<>(key, entry, AT.toEpochMilli()));
    }

    private List<String> forwarded() {
        return context.forwarded().stream()
                .map(f -> f.record().key() + "="
                        + (f.record().value() == null
                                ? "null"
                                : f.record().value().getTitle()))
                .toList();
    }

    private static TimelineEntry entry(String topicId, String articleId, String title) {
        return TimelineEntry.newBuilder()
                .setTopicId(topicId)
                .setTopicLabel(topicId)
                .setTopicKind(TopicKind.STORY)
                .setArticleId(articleId)
                .setTitle(title)
                .setPublishedAt(AT)
                .setDateSource(DateSource.TEXT)
                .setSummary("s")
                .setSource("file:///" + articleId)
                .build();
    }

    private KeyValueStore<Bytes, byte[]> store(String name) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
