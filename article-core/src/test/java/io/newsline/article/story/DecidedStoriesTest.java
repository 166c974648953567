package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deciding tasks read their own decisions until the matching index shows them. */
class DecidedStoriesTest {
    private static Story story(String id, int articles) {
        Story story = new Story(
                id,
                "title",
                articles,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                Map.of("e:a", 1.0, "k:b", 0.5),
                Map.of("e:a", "A"));
        story.prepareForReading();
        return story;
    }

    @Test
    void aDecisionIsACandidateUnderItsKeysBeforeTheIndexShowsIt() {
        DecidedStories decided = new DecidedStories(16, 60_000);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryIndex view = decided.over(index);
        assertThat(view.candidates(List.of("e:a"), 32)).isEmpty();

        Story founded = story("story-1", 1);
        decided.put(new StoryKeeper.PublishSummary(founded, List.of("e:a", "k:b")), 0);

        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-1");
        assertThat(view.candidates(List.of("k:b"), 32)).containsExactly("story-1");
        assertThat(view.candidates(List.of("e:other"), 32)).isEmpty();
        assertThat(view.summary("story-1")).isSameAs(founded);
    }

    @Test
    void theIndexsSummaryWinsOnceItHasAsManyArticlesAndTheDecisionIsDropped() {
        DecidedStories decided = new DecidedStories(16, 60_000);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryIndex view = decided.over(index);
        index.apply(new StoryKeeper.PublishSummary(story("story-1", 1), List.of("e:a")));
        Story joined = story("story-1", 2); // decided here: the second article joined
        decided.put(new StoryKeeper.PublishSummary(joined, List.of("e:a")), 0);

        assertThat(view.summary("story-1")).isSameAs(joined); // the index is one article behind
        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-1"); // once, not twice

        Story published = story("story-1", 2);
        index.apply(new StoryKeeper.PublishSummary(published, List.of("e:a")));
        assertThat(view.summary("story-1")).isSameAs(published);
        assertThat(decided.size()).isZero();
    }

    @Test
    void decisionsAreBoundedInNumberAndAge() {
        DecidedStories decided = new DecidedStories(2, 1_000);
        StoryIndex view = decided.over(new InMemoryStoryIndex());
        decided.put(new StoryKeeper.PublishSummary(story("story-1", 1), List.of("e:a")), 0);
        decided.put(new StoryKeeper.PublishSummary(story("story-2", 1), List.of("e:a")), 10);
        decided.put(
                new StoryKeeper.PublishSummary(story("story-3", 1), List.of("e:a")),
                20); // over capacity: the oldest goes
        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-2", "story-3");

        decided.put(
                new StoryKeeper.PublishSummary(story("story-4", 1), List.of("e:c")),
                1_015); // story-2 is older than the ttl now
        assertThat(decided.size()).isEqualTo(2);
        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-3");
        assertThat(view.summary("story-2")).isNull();
    }

    @Test
    void aStoryDecidedAgainMovesToItsNewKeysAndIsKeptAsTheNewest() {
        DecidedStories decided = new DecidedStories(2, 60_000);
        StoryIndex view = decided.over(new InMemoryStoryIndex());
        decided.put(new StoryKeeper.PublishSummary(story("story-1", 1), List.of("e:a")), 0);
        decided.put(new StoryKeeper.PublishSummary(story("story-2", 1), List.of("e:a")), 1);
        decided.put(new StoryKeeper.PublishSummary(story("story-1", 2), List.of("k:b")), 2);
        decided.put(
                new StoryKeeper.PublishSummary(story("story-3", 1), List.of("e:c")), 3); // story-2 is now the oldest

        assertThat(view.candidates(List.of("e:a"), 32)).isEmpty();
        assertThat(view.candidates(List.of("k:b"), 32)).containsExactly("story-1");
        assertThat(view.summary("story-1").articles()).isEqualTo(2);
    }

    @Test
    void perKeyAtMostMaxOfTheLatestDecisions() {
        DecidedStories decided = new DecidedStories(16, 60_000);
        StoryIndex view = decided.over(new InMemoryStoryIndex());
        for (int i = 1; i <= 5; i++) {
            decided.put(new StoryKeeper.PublishSummary(story("story-" + i, 1), List.of("e:a")), i);
        }
        assertThat(view.stories("e:a", 2)).containsExactly("story-4", "story-5");
    }

    @Test
    void aStoryMergedHereIsNoCandidateAlthoughTheIndexStillShowsIt() {
        DecidedStories decided = new DecidedStories(16, 60_000);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryIndex view = decided.over(index);
        index.apply(new StoryKeeper.PublishSummary(story("story-1", 3), List.of("e:a")));
        index.apply(new StoryKeeper.PublishSummary(story("story-2", 2), List.of("e:a")));

        decided.merged("story-2", 0); // this instance's keeper merged it into story-1

        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-1");
        assertThat(view.summary("story-2")).isNull();
        // the index catches up (the summary's tombstone): the note has done its job and goes
        index.apply(new StoryKeeper.RemoveSummary("story-2"));
        assertThat(view.summary("story-2")).isNull();
        index.apply(new StoryKeeper.PublishSummary(story("story-2", 1), List.of("e:a"))); // the id founded again
        assertThat(view.summary("story-2")).isNotNull();
    }

    @Test
    void aMergedStorysOwnDecisionGoesWithItAndSoDoesOneTheIndexRemoved() {
        DecidedStories decided = new DecidedStories(16, 60_000);
        StoryIndex view = decided.over(new InMemoryStoryIndex());
        decided.put(new StoryKeeper.PublishSummary(story("story-1", 1), List.of("e:a")), 0);
        decided.put(new StoryKeeper.PublishSummary(story("story-2", 1), List.of("e:a")), 0);

        decided.merged("story-1", 5);
        decided.removed("story-2"); // merged on another instance: the global thread read its summary's tombstone

        assertThat(view.candidates(List.of("e:a"), 32)).isEmpty();
        assertThat(view.summary("story-1")).isNull();
        assertThat(view.summary("story-2")).isNull();
        assertThat(decided.size()).isZero();
    }

    @Test
    void mergesAreBoundedInNumberAndAge() {
        DecidedStories decided = new DecidedStories(2, 1_000);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryIndex view = decided.over(index);
        for (String id : List.of("story-1", "story-2", "story-3")) {
            index.apply(new StoryKeeper.PublishSummary(story(id, 2), List.of("e:a")));
        }
        decided.merged("story-1", 0);
        decided.merged("story-2", 10);
        decided.merged("story-3", 20); // over capacity: the oldest note goes, the index shows story-1 again
        assertThat(view.candidates(List.of("e:a"), 32)).containsExactly("story-1");

        decided.merged("story-3", 1_015); // noted again, now: story-2's note is older than the ttl
        assertThat(view.candidates(List.of("e:a"), 32)).containsExactlyInAnyOrder("story-1", "story-2");
    }

    @Test
    void theIndexsFirstShowingOfAStoryIsKeptBoundedInNumberAndAge() {
        DecidedStories decided = new DecidedStories(16, 60_000, 2, 1_000);
        decided.shown("story-1", 10);
        decided.shown("story-1", 20); // a later summary of it: the first showing stays
        assertThat(decided.shownAt("story-1")).isEqualTo(10);

        decided.shown("story-2", 30);
        decided.shown("story-3", 40); // over capacity: the oldest goes
        assertThat(decided.shownAt("story-1")).isNull();
        decided.shown("story-4", 1_035); // story-2 is older than the ttl now
        assertThat(decided.shownAt("story-2")).isNull();
        assertThat(decided.shownAt("story-3")).isEqualTo(40);
        assertThat(decided.shownAt("story-4")).isEqualTo(1_035);
    }
}
