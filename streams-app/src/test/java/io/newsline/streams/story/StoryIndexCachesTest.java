package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
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
        MatchingCache summaries = new MatchingCache(2);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        Supplier<byte[]> read = () -> {
            reads.incrementAndGet();
            return store.get();
        };
        Story decoded = summaries.summary("s1", read);
        assertThat(decoded.centroid()).containsEntry("e:a", 2.0);
        assertThat(summaries.summary("s1", read)).isSameAs(decoded);
        assertThat(reads).hasValue(1);

        store.set(summary("s1", 3.0));
        summaries.summaryChanged("s1"); // the loader, after writing the store
        Story changed = summaries.summary("s1", read);
        assertThat(changed.centroid()).containsEntry("e:a", 3.0);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRemovedSummaryIsNotServed() {
        MatchingCache summaries = new MatchingCache(2);
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        assertThat(summaries.summary("s1", store::get)).isNotNull();
        store.set(null);
        summaries.summaryChanged("s1");
        assertThat(summaries.summary("s1", store::get)).isNull();
    }

    @Test
    void aSummaryReadBeforeAChangeIsServedOnceButNotKept() {
        MatchingCache summaries = new MatchingCache(2);
        AtomicReference<byte[]> store = new AtomicReference<>(summary("s1", 2.0));
        // The loader writes and reports a change while a reader is between its read of the store and its decoding.
        Story stale = summaries.summary("s1", () -> {
            byte[] bytes = store.get();
            store.set(summary("s1", 3.0));
            summaries.summaryChanged("s1");
            return bytes;
        });
        assertThat(stale.centroid()).containsEntry("e:a", 2.0); // what the store held when read
        assertThat(summaries.summary("s1", store::get).centroid()).containsEntry("e:a", 3.0);
    }

    @Test
    void decodedSummariesAreBounded() {
        MatchingCache summaries = new MatchingCache(1);
        byte[] s1 = summary("s1", 2.0);
        Story decoded = summaries.summary("s1", () -> s1);
        summaries.summary("s2", () -> summary("s2", 2.0));
        Story again = summaries.summary("s1", () -> s1); // s1 was evicted: decoded again
        assertThat(again).isNotSameAs(decoded);
        assertThat(summaries.summary("s1", () -> s1)).isSameAs(again);
    }

    @Test
    void aKeysStoriesAreServedWithoutScanningAgainUntilAPostingUnderItChanges() {
        MatchingCache cache = new MatchingCache(4);
        AtomicInteger scans = new AtomicInteger();
        AtomicReference<List<String>> postings = new AtomicReference<>(List.of("s1", "s2"));
        IntFunction<List<String>> scan = max -> {
            scans.incrementAndGet();
            return postings.get().subList(0, Math.min(max, postings.get().size()));
        };
        assertThat(cache.stories("e:a", 32, scan)).containsExactly("s1", "s2");
        assertThat(cache.stories("e:a", 32, scan)).containsExactly("s1", "s2");
        assertThat(cache.stories("e:a", 64, scan))
                .as("the scan found all there were")
                .containsExactly("s1", "s2");
        assertThat(scans).hasValue(1);

        postings.set(List.of("s3", "s1", "s2"));
        cache.postingsChanged("e:b"); // another key: this one's list stays
        cache.stories("e:a", 32, scan);
        assertThat(scans).hasValue(1);
        cache.postingsChanged("e:a");
        assertThat(cache.stories("e:a", 32, scan)).containsExactly("s3", "s1", "s2");
        assertThat(scans).hasValue(2);
    }

    @Test
    void aListCutAtItsMaximumDoesNotAnswerALargerOne() {
        MatchingCache cache = new MatchingCache(4);
        List<String> postings = List.of("s1", "s2", "s3");
        AtomicInteger scans = new AtomicInteger();
        IntFunction<List<String>> scan = max -> {
            scans.incrementAndGet();
            return postings.subList(0, Math.min(max, postings.size()));
        };
        assertThat(cache.stories("e:a", 2, scan)).containsExactly("s1", "s2");
        assertThat(cache.stories("e:a", 1, scan)).containsExactly("s1");
        assertThat(cache.stories("e:a", 3, scan)).containsExactly("s1", "s2", "s3");
        assertThat(scans).hasValue(2);
    }

    @Test
    void aListScannedDuringAChangeIsServedOnceButNotKept() {
        MatchingCache cache = new MatchingCache(4);
        AtomicReference<List<String>> postings = new AtomicReference<>(List.of("s1"));
        List<String> during = cache.stories("e:a", 32, max -> {
            List<String> read = postings.get();
            postings.set(List.of("s2", "s1"));
            cache.postingsChanged("e:a");
            return read;
        });
        assertThat(during).containsExactly("s1");
        assertThat(cache.stories("e:a", 32, max -> postings.get())).containsExactly("s2", "s1");
    }

    @Test
    void postingsOfAnEarlierFormatDropEveryList() {
        MatchingCache cache = new MatchingCache(4);
        AtomicInteger scans = new AtomicInteger();
        IntFunction<List<String>> scan = max -> {
            scans.incrementAndGet();
            return List.of("s1");
        };
        cache.stories("e:a", 32, scan);
        cache.stories("e:b", 32, scan);
        cache.allPostingsChanged();
        cache.stories("e:a", 32, scan);
        cache.stories("e:b", 32, scan);
        assertThat(scans).hasValue(4);
    }
}
