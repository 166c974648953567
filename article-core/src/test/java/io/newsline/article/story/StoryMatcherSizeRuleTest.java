package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The size rule: joining a story beyond {@link StoryParams#CROWD_ONSET} articles takes more similarity. */
class StoryMatcherSizeRuleTest {

    @Test
    void aStoryUpToTheOnsetIsJoinedAtTheTimeRulesThreshold() {
        assertThat(StoryMatcher.forSize(0.25, 1)).isEqualTo(0.25);
        assertThat(StoryMatcher.forSize(0.25, StoryParams.CROWD_ONSET)).isEqualTo(0.25);
    }

    @Test
    void theThresholdRisesByTheSlopePerEFoldBeyondTheOnset() {
        int eFold = (int) Math.round(StoryParams.CROWD_ONSET * Math.E); // 54 articles
        double expected = 0.25 + StoryParams.CROWD_SLOPE * Math.log((double) eFold / StoryParams.CROWD_ONSET);
        assertThat(StoryMatcher.forSize(0.25, eFold)).isCloseTo(expected, within(1e-12));
        assertThat(StoryMatcher.forSize(0.25, eFold)).isCloseTo(0.25 + StoryParams.CROWD_SLOPE, within(0.001));
    }

    @Test
    void theLateThresholdRisesByTheSameAmount() {
        assertThat(StoryMatcher.forSize(0.28, 200) - 0.28)
                .isCloseTo(StoryMatcher.forSize(0.25, 200) - 0.25, within(1e-12));
    }
}
