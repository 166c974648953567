package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryKeeper;
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

    private static byte[] summary(String id, double weight) {
        Story story = story(id, weight);
        return StoryCodec.encodeSummary(new StoryKeeper.PublishSummary(story, story.keys(8)));
    }

    @Test
    void decodedSummariesAreSharedWhileTheirBytesAreUnchanged() {
        DecodedSummaries summaries = new DecodedSummaries(2);
        byte[] first = summary("s1", 2.0);
        Story decoded = summaries.get("s1", first);
        assertThat(decoded.centroid()).containsEntry("e:a", 2.0);
        assertThat(summaries.get("s1", first.clone())).isSameAs(decoded); // equal bytes, another array
        Story changed = summaries.get("s1", summary("s1", 3.0));
        assertThat(changed).isNotSameAs(decoded);
        assertThat(changed.centroid()).containsEntry("e:a", 3.0);
    }

    @Test
    void decodedSummariesAreBounded() {
        DecodedSummaries summaries = new DecodedSummaries(1);
        byte[] s1 = summary("s1", 2.0);
        Story decoded = summaries.get("s1", s1);
        summaries.get("s2", summary("s2", 2.0));
        Story again = summaries.get("s1", s1); // s1 was evicted: decoded again
        assertThat(again).isNotSameAs(decoded);
        assertThat(summaries.get("s1", s1)).isSameAs(again);
    }
}
