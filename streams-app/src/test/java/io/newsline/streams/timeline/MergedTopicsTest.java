package io.newsline.streams.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The merged topics of one timeline partition, over an in-memory store. */
class MergedTopicsTest {
    private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    private final MergedTopics merged = new MergedTopics(store());

    @Test
    void aTopicNeverMergedHasNoSurvivor() {
        merged.record("story-b", "story-a", 100);

        assertThat(merged.survivorOf("story-a")).isNull();
        assertThat(merged.survivorOf("gaza")).isNull();
    }

    @Test
    void aChainKnownHereIsFollowedToItsEnd() {
        merged.record("story-c", "story-b", 100);
        merged.record("story-b", "story-a", 200);

        assertThat(merged.survivorOf("story-c")).isEqualTo("story-a");
        assertThat(merged.survivorOf("story-b")).isEqualTo("story-a");
    }

    @Test
    void aMergeIntoAStoryAlreadyMergedRecordsTheEndOfTheChain() {
        merged.record("story-b", "story-a", 100);

        assertThat(merged.record("story-c", "story-b", 200)).isEqualTo("story-a");
    }

    @Test
    void aMergeThatWouldCloseALoopIsIgnored() {
        merged.record("story-b", "story-a", 100);

        assertThat(merged.record("story-a", "story-b", 200)).isNull();
        assertThat(merged.survivorOf("story-a")).isNull();
        assertThat(merged.survivorOf("story-b")).isEqualTo("story-a");
    }

    @Test
    void mergesDecidedBeforeTheCutoffAreForgotten() {
        merged.record("story-b", "story-a", 100);
        merged.record("story-d", "story-c", 300);

        assertThat(merged.forgetBefore(200)).isEqualTo(1);
        assertThat(merged.survivorOf("story-b")).isNull();
        assertThat(merged.survivorOf("story-d")).isEqualTo("story-c");
    }

    private KeyValueStore<Bytes, byte[]> store() {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore("merged"), Serdes.Bytes(), Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}
