package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void decodedSummariesAreSharedWhileTheirBytesAreUnchanged() {
        DecodedSummaries summaries = new DecodedSummaries(2);
        byte[] first = StoryCodec.encodeSummary(story("s1", 2.0));
        Story decoded = summaries.get("s1", first);
        assertThat(decoded.centroid()).containsEntry("e:a", 2.0);
        assertThat(summaries.get("s1", first.clone())).isSameAs(decoded); // equal bytes, another array
        Story changed = summaries.get("s1", StoryCodec.encodeSummary(story("s1", 3.0)));
        assertThat(changed).isNotSameAs(decoded);
        assertThat(changed.centroid()).containsEntry("e:a", 3.0);
    }

    @Test
    void decodedSummariesAreBounded() {
        DecodedSummaries summaries = new DecodedSummaries(1);
        byte[] s1 = StoryCodec.encodeSummary(story("s1", 2.0));
        Story decoded = summaries.get("s1", s1);
        summaries.get("s2", StoryCodec.encodeSummary(story("s2", 2.0)));
        Story again = summaries.get("s1", s1); // s1 was evicted: decoded again
        assertThat(again).isNotSameAs(decoded);
        assertThat(summaries.get("s1", s1)).isSameAs(again);
    }

    /** An index whose summaries are objects that a test replaces, as the shared decoded summaries do. */
    private static final class MapIndex implements StoryIndex {
        final Map<String, Story> summaries = new HashMap<>();

        @Override
        public List<String> stories(String key, int max) {
            return summaries.keySet().stream().sorted().toList();
        }

        @Override
        public Story summary(String storyId) {
            return summaries.get(storyId);
        }
    }

    @Test
    void aLookSkipsOnlySummariesItWasComparedWithUnchanged() {
        MapIndex index = new MapIndex();
        Story b = story("b", 1.0);
        index.summaries.put("b", b);
        index.summaries.put("c", story("c", 1.0));
        ComparedCandidates compared = new ComparedCandidates();

        StoryIndex first = compared.forLook("a", index);
        assertThat(first.candidates(List.of("k"), 10)).containsExactly("b", "c");
        assertThat(first.summary("b")).isSameAs(b);
        assertThat(first.summary("c")).isNotNull();

        index.summaries.put("c", story("c", 2.0)); // c changed (published again), b did not; d is new
        index.summaries.put("d", story("d", 1.0));
        StoryIndex second = compared.forLook("a", index);
        assertThat(second.summary("b")).isNull();
        assertThat(second.summary("c")).isNotNull();
        assertThat(second.summary("d")).isNotNull();
        assertThat(compared.forLook("other", index).summary("b")).isSameAs(b); // per story

        compared.forget("a"); // the story changed: everything is compared again
        assertThat(compared.forLook("a", index).summary("b")).isSameAs(b);
    }
}
