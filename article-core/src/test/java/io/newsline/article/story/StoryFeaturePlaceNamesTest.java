package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Place names count once: as their entity feature, not as headline or body terms too. */
class StoryFeaturePlaceNamesTest {
    private static StoryInput report(String title, String body) {
        return new StoryInput(
                "a1",
                0L,
                false,
                title,
                List.of(
                        new StoryInput.Entity("ivory-coast", "Ivory Coast", "LOCATION", 3),
                        new StoryInput.Entity("michel-camdessus", "Michel Camdessus", "PERSON", 2)),
                List.of(new StoryInput.Keyword("talks", 1)),
                List.of(body));
    }

    private final StoryFeatureExtractor extractor = new StoryFeatureExtractor(StoryParams.defaults());

    @Test
    void aPlaceIsItsEntityFeatureOnly() {
        StoryFeatures f = extractor.extract(report(
                "IMF director holds talks in Ivory Coast",
                "IMF director Michel Camdessus held talks in the Ivory Coast on its economy."));
        assertThat(f.vector()).containsKey("p:ivory-coast");
        assertThat(f.vector()).doesNotContainKeys("t:ivory", "t:coast", "b:ivory", "b:coast");
    }

    /** A place is an entity feature of its own kind (p:), so that a story's actors (e:) are known from its terms. */
    @Test
    void aPlaceIsNoActorButStillAnEntityKeyAndLabel() {
        StoryFeatures f = extractor.extract(report(
                "IMF director holds talks in Ivory Coast",
                "IMF director Michel Camdessus held talks in the Ivory Coast on its economy."));
        assertThat(f.vector()).doesNotContainKey("e:ivory-coast").containsKey("e:michel-camdessus");
        assertThat(f.blockingKeys()).contains("p:ivory-coast", "e:michel-camdessus");
        Story story = Story.start("story-a1", f);
        story.add(f, TermVector.of(f.vector()), 150);
        assertThat(story.keys(8)).contains("p:ivory-coast");
        assertThat(story.label()).contains("Ivory Coast").contains("Michel Camdessus");
    }

    @Test
    void aPersonsNameStaysABodyAndHeadlineTerm() {
        StoryFeatures f = extractor.extract(report(
                "Camdessus holds talks in Ivory Coast",
                "IMF director Michel Camdessus held talks in the Ivory Coast on its economy."));
        assertThat(f.vector()).containsKeys("e:michel-camdessus", "t:camdessus", "b:camdessus");
    }
}
