package io.newsline.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.story.Story;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryKeeper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keeper's messages and entries: what is written is read back, and one value is always the same bytes. */
class StoryCodecTest {
    private static final long T0 = 1_800_000_000_000L;

    private static Map<String, Double> weights(boolean reversed) {
        Map<String, Double> w = new LinkedHashMap<>();
        List<String> terms = List.of("e:acme", "k:strike", "b:picket", "t:workers", "b:union");
        List<Double> values = List.of(0.75, 0.5, 0.25, 0.5, 0.125); // a tie: k:strike and t:workers
        for (int i = 0; i < terms.size(); i++) {
            int at = reversed ? terms.size() - 1 - i : i;
            w.put(terms.get(at), values.get(at));
        }
        return w;
    }

    private static StoryFeatures article(boolean reversed) {
        return new StoryFeatures(
                "article-1", T0, true, "Acme workers strike", weights(reversed), List.of(), Map.of("e:acme", "Acme"));
    }

    @Test
    void aJoinIsReadBackAndTheOrderItsTermsCameInDoesNotChangeItsBytes() {
        byte[] one = StoryCodec.encodeMessage(new StoryKeeper.Join(article(false)));
        byte[] other = StoryCodec.encodeMessage(new StoryKeeper.Join(article(true)));

        assertThat(one).isEqualTo(other);
        StoryKeeper.Join read = (StoryKeeper.Join) StoryCodec.decodeMessage(one);
        assertThat(read.article().vector()).isEqualTo(weights(false)); // these weights are exact in a float
        assertThat(read.article().articleId()).isEqualTo("article-1");
        assertThat(read.article().dated()).isTrue();
        assertThat(read.article().names()).isEqualTo(Map.of("e:acme", "Acme"));
    }

    @Test
    void aStoryEntryIsReadBackWhateverTheOrderOfItsCentroid() {
        Story one = new Story("story-1", "Acme workers strike", 2, T0, T0 + 5, T0, T0 + 5, weights(false), Map.of());
        Story other = new Story("story-1", "Acme workers strike", 2, T0, T0 + 5, T0, T0 + 5, weights(true), Map.of());
        byte[] bytes = StoryCodec.encodeEntry(new StoryKeeper.Live(one), T0, StoryCodec.NOT_LOOKING);

        assertThat(bytes).isEqualTo(StoryCodec.encodeEntry(new StoryKeeper.Live(other), T0, StoryCodec.NOT_LOOKING));
        Story read = ((StoryKeeper.Live) StoryCodec.decodeEntry(bytes)).story();
        assertThat(read.centroid()).isEqualTo(weights(false));
        assertThat(read.articles()).isEqualTo(2);
        assertThat(read.datedLast()).isEqualTo(T0 + 5);
    }

    @Test
    void aStorysFoundingIsReadBackAndAValueOfAnEarlierVersionReadsAsUnknown() {
        Story story = new Story("story-1", "Acme workers strike", 1, T0, T0, T0, T0, weights(false), Map.of(), T0 - 7);
        byte[] bytes = StoryCodec.encodeEntry(new StoryKeeper.Live(story), T0, StoryCodec.NOT_LOOKING);
        assertThat(((StoryKeeper.Live) StoryCodec.decodeEntry(bytes)).story().foundedAt())
                .isEqualTo(T0 - 7);

        // An entry written before the founding was recorded: the same bytes without its last 8.
        byte[] earlier = java.util.Arrays.copyOf(bytes, bytes.length - Long.BYTES);
        Story read = ((StoryKeeper.Live) StoryCodec.decodeEntry(earlier)).story();
        assertThat(read.foundedAt()).isEqualTo(Story.UNKNOWN_FOUNDING);
        assertThat(read.centroid()).isEqualTo(weights(false));
    }

    @Test
    void aListTooLongForItsCountFailsInsteadOfWrappingIntoGarbage() {
        Map<String, Double> huge = new java.util.HashMap<>();
        for (int i = 0; i < 70_000; i++) {
            huge.put("b:t" + i, 1.0);
        }
        StoryFeatures article = new StoryFeatures("article-1", T0, true, "t", huge, List.of(), Map.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StoryCodec.encodeMessage(new StoryKeeper.Join(article)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("70000 entries");
    }
}
