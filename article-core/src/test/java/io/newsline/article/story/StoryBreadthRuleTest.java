package io.newsline.article.story;

import static io.newsline.article.story.StoryActorRuleTest.afterTheFounder;
import static io.newsline.article.story.StoryActorRuleTest.article;
import static io.newsline.article.story.StoryActorRuleTest.founder;
import static io.newsline.article.story.StoryActorRuleTest.twinMerged;
import static io.newsline.article.story.StoryActorRuleTest.viaKeywordsAnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Joins and merges whose similarity rests on few shared terms ({@link StoryParams#NARROW_BREADTH}) need {@link
 * StoryParams#NARROW_EXTRA} more. The founder names an issuer ({@code e:acme}, 0.8) and eight keywords (0.6 together);
 * every other article names {@code e:acme} too, so the actor rule asks nothing more.
 */
class StoryBreadthRuleTest {
    private static final double NEEDED = StoryParams.DEFAULT_THRESHOLD;

    @Test
    void breadthCountsTheTermsTheDotProductRestsOn() {
        TermVector four = TermVector.of(Map.of("a", 0.5, "b", 0.5, "c", 0.5, "d", 0.5));
        assertThat(four.dotBreadth(four)).isCloseTo(4, within(1e-9));
        // one shared term carries 0.81 of 0.82: about one term
        TermVector heavy = TermVector.of(Map.of("a", 0.9, "b", 0.1, "x", 0.42));
        TermVector other = TermVector.of(Map.of("a", 0.9, "b", 0.1, "y", 0.42));
        assertThat(heavy.dotBreadth(other)).isBetween(1.0, 1.1);
        assertThat(heavy.dotBreadth(TermVector.of(Map.of("z", 1.0)))).isZero();
        assertThat(heavy.dotBreadth(other)).isEqualTo(other.dotBreadth(heavy));
    }

    @Test
    void aNarrowSimilarityNeedsTheExtra() {
        assertThat(StoryMatcher.reaches(NEEDED + 0.02, NEEDED, () -> 2, () -> true))
                .isFalse();
        assertThat(StoryMatcher.reaches(NEEDED + StoryParams.NARROW_EXTRA, NEEDED, () -> 2, () -> true))
                .isTrue();
        assertThat(StoryMatcher.reaches(NEEDED + 0.02, NEEDED, () -> StoryParams.NARROW_BREADTH, () -> true))
                .isTrue();
    }

    @Test
    void theExtrasOfNarrowAndActorlessAddUp() {
        double both = StoryParams.NARROW_EXTRA + StoryParams.ACTORLESS_EXTRA;
        assertThat(StoryMatcher.reaches(NEEDED + both - 0.01, NEEDED, () -> 2, () -> false))
                .isFalse();
        assertThat(StoryMatcher.reaches(NEEDED + both, NEEDED, () -> 2, () -> false))
                .isTrue();
    }

    @Test
    void theBreadthIsAskedOnlyWhereItDecides() {
        AtomicInteger asked = new AtomicInteger();
        double both = StoryParams.NARROW_EXTRA + StoryParams.ACTORLESS_EXTRA;
        StoryMatcher.reaches(NEEDED - 0.01, NEEDED, () -> asked.incrementAndGet(), () -> false);
        StoryMatcher.reaches(NEEDED + both, NEEDED, () -> asked.incrementAndGet(), () -> false);
        assertThat(asked).hasValue(0);
        StoryMatcher.reaches(NEEDED, NEEDED, () -> asked.incrementAndGet(), () -> true);
        assertThat(asked).hasValue(1);
    }

    /**
     * At one similarity, 0.27, and with the issuer in common, an article whose similarity rests on two terms starts its
     * own story; one whose similarity spreads over eight keywords and the issuer joins ({@link
     * StoryActorRuleTest#viaKeywordsAnd}, the actor rule's join at the threshold).
     */
    @Test
    void atOneSimilarityTwoTermsStartAStoryWhereNineJoin() {
        // cosine 0.6 * 0.15 + 0.8 * 0.225 = 0.27 through one keyword and the issuer: about two terms
        Map<String, Double> vector = new HashMap<>();
        vector.put("k:issue0", 0.15 * Math.sqrt(8));
        vector.put("e:acme", 0.225);
        vector.put("e:zenith", Math.sqrt(1 - 0.18 - 0.050625));
        StoryFeatures narrow = article("b1", vector);
        assertThat(TermVector.of(founder().vector()).dotBreadth(TermVector.of(narrow.vector())))
                .isLessThan(StoryParams.NARROW_BREADTH);

        assertThat(afterTheFounder(narrow).started()).isTrue();

        // cosine 0.6 * 0.3833 + 0.8 * 0.05 = 0.27 through eight keywords and the issuer
        StoryAssignment broad = afterTheFounder(viaKeywordsAnd("c1", "e:acme"));

        assertThat(broad.started()).isFalse();
        assertThat(broad.similarity()).isBetween(0.269, 0.271);
    }

    @Test
    void aNarrowSimilarityJoinsFromTheExtraOn() {
        // cosine 0.8 * 0.4 = 0.32 through the issuer alone: one term, over the threshold + the extra
        StoryFeatures narrow = article("d1", Map.of("e:acme", 0.4, "e:zenith", Math.sqrt(0.84)));

        assertThat(afterTheFounder(narrow).started()).isFalse();
    }

    @Test
    void aSingleArticlesLookMergesANarrowTwinOnlyFromTheExtraOn() {
        assertThat(twinMerged(article("b1", Map.of("e:acme", 0.34, "e:zenith", Math.sqrt(1 - 0.1156)))))
                .as("cosine 0.27 through the issuer alone")
                .isFalse();
        assertThat(twinMerged(viaKeywordsAnd("c1", "e:acme")))
                .as("cosine 0.27 over nine terms")
                .isTrue();
        assertThat(twinMerged(article("d1", Map.of("e:acme", 0.4, "e:zenith", Math.sqrt(0.84)))))
                .as("cosine 0.32 through the issuer alone")
                .isTrue();
    }
}
