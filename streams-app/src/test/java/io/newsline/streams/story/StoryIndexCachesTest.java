package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StoryIndexCachesTest {
    private static Story story(String id, double weight) {
        return new Story(
                id,
                "title",
                2,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                Map.of("e:a", weight, "k:b", 1.0),
                Map.of("e:a", "A"));
    }

    private static byte[] summary(String id, double weight) {
        Story story = story(id, weight);
        return StoryCodec.encodeSummary(new StoryKeeper.PublishSummary(story, story.keys(8)));
    }

    @Test
    void aDecodedSummaryIsServedWithoutReadingTheStoreAgainUntilItsStoryChanges() {
        DecodedSummaries summaries = new DecodedSummaries(2);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        Supplier<byte[]> read = () -> {
            reads.incrementAndGet();
            return store.get();
        };
        Story decoded = summaries.get("s1", read);
        assertThat(decoded.centroid()).containsEntry("e:a", 2.0);
        assertThat(summaries.get("s1", read)).isSameAs(decoded);
        assertThat(reads).hasValue(1);

        store.set(summary("s1", 3.0));
        summaries.changed("s1"); // the loader, after writing the store
        Story changed = summaries.get("s1", read);
        assertThat(changed.centroid()).containsEntry("e:a", 3.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRemovedSummaryIsNotServed() {
        DecodedSummaries summaries = new DecodedSummaries(2);
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        assertThat(summaries.get("s1", store::get)).isNotNull();
        store.set(null);
        summaries.changed("s1");
        assertThat(summaries.get("s1", store::get)).isNull();
    }

    @Test
    void aSummaryReadBeforeAChangeIsServedOnceButNotKept() {
        DecodedSummaries summaries = new DecodedSummaries(2);
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        // The loader writes and reports a change while a reader is between its read of the store and its decoding.
        Story stale = summaries.get("s1", () -> {
            byte[] bytes = store.get();
            store.set(summary("s1", 3.0));
            summaries.changed("s1");
            return bytes;
        });
        assertThat(stale.centroid()).containsEntry("e:a", 2.0); // what the store held when read
        assertThat(summaries.get("s1", store::get).centroid()).containsEntry("e:a", 3.0);
    }

    @Test
    void decodedSummariesAreBounded() {
        DecodedSummaries summaries = new DecodedSummaries(1);
        byte[] s1 = summary("s1", 2.0);
        Story decoded = summaries.get("s1", () -> s1);
        summaries.get("s2", () -> summary("s2", 2.0));
        Story again = summaries.get("s1", () -> s1); // s1 was evicted: decoded again
        assertThat(again).isNotSameAs(decoded);
        assertThat(summaries.get("s1", () -> s1)).isSameAs(again);
    }
}
