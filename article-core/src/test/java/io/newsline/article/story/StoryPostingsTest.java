package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryPostingsTest {
    /** Records what {@link StoryPostings#move} asks of an index. */
    private static final class Moves implements StoryPostings.Postings {
        final List<String> puts = new ArrayList<>();
        final List<String> removes = new ArrayList<>();

        @Override
        public void put(String key, String postingOrder) {
            puts.add(key + "@" + postingOrder);
        }

        @Override
        public void remove(String key, String postingOrder) {
            removes.add(key + "@" + postingOrder);
        }
    }

    private static StoryPostings postings(String order, String... keys) {
        return new StoryPostings("story-1", List.of(keys), order);
    }

    @Test
    void aStoryEnteringTheIndexIsPutUnderEachKey() {
        Moves moves = new Moves();
        StoryPostings.move(null, postings("o1", "e:a", "k:b"), moves);
        assertThat(moves.puts).containsExactly("e:a@o1", "k:b@o1");
        assertThat(moves.removes).isEmpty();
    }

    @Test
    void onlyTheKeysThatChangedMove() {
        Moves moves = new Moves();
        StoryPostings.move(postings("o1", "e:a", "k:b"), postings("o1", "e:a", "k:c"), moves);
        assertThat(moves.removes).containsExactly("k:b@o1");
        assertThat(moves.puts).containsExactly("k:c@o1");
    }

    @Test
    void aNewPostingOrderMovesEveryKey() {
        Moves moves = new Moves();
        StoryPostings.move(postings("o1", "e:a", "k:b"), postings("o2", "e:a", "k:b"), moves);
        assertThat(moves.removes).containsExactly("e:a@o1", "k:b@o1");
        assertThat(moves.puts).containsExactly("e:a@o2", "k:b@o2");
    }

    @Test
    void aStoryLeavingTheIndexIsRemovedFromEachKey() {
        Moves moves = new Moves();
        StoryPostings.move(postings("o1", "e:a", "k:b"), null, moves);
        assertThat(moves.removes).containsExactly("e:a@o1", "k:b@o1");
        assertThat(moves.puts).isEmpty();
    }

    @Test
    void thePostingOrderIsTheSummarysLastActiveDayThenItsId() {
        Story summary = new Story(
                "story-x",
                "t",
                1,
                0,
                3 * 86_400_000L + 5,
                Story.NO_DATE,
                Story.NO_DATE,
                java.util.Map.of(),
                java.util.Map.of());
        assertThat(StoryPostings.of(summary, List.of("e:a")).postingOrder())
                .isEqualTo(StoryIndex.postingOrder(3, "story-x"));
    }
}
