package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Joins and merges without an actor in common ({@link StoryParams#ACTORLESS_EXTRA}): two sides that name no person,
 * organisation or other named thing in common (places apart) need that much more similarity. Every similarity here
 * rests on many shared terms (eight keywords of equal weight), so that the breadth rule ({@link
 * StoryBreadthRuleTest}) asks nothing more.
 */
class StoryActorRuleTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final double NEEDED = StoryParams.DEFAULT_THRESHOLD;
    private static final int KEYWORDS = 8;
    /** A breadth the breadth rule does not count as narrow. */
    private static final double BROAD = StoryParams.NARROW_BREADTH + 1;

    /**
     * Hand-made unit vectors, so that each similarity is known: the founding article names an issuer ({@code
     * e:acme}, weight 0.8) and eight keywords ({@code k:issue0} to {@code k:issue7}, 0.6 together); the others are built
     * to a chosen cosine with it.
     */
    static StoryFeatures article(String id, Map<String, Double> vector) {
        return new StoryFeatures(id, T0, false, "title " + id, vector, List.copyOf(vector.keySet()), Map.of());
    }

    /** The eight keywords with {@code total} as their length together, each alike; plus {@code rest}. */
    static Map<String, Double> keywords(double total, Map<String, Double> rest) {
        Map<String, Double> vector = new HashMap<>(rest);
        for (int i = 0; i < KEYWORDS; i++) {
            vector.put("k:issue" + i, total / Math.sqrt(KEYWORDS));
        }
        return vector;
    }

    static StoryFeatures founder() {
        return article("a1", keywords(0.6, Map.of("e:acme", 0.8)));
    }

    /** Cosine {@code 0.6 * share} with the founder, through the keywords only; the rest on its own {@code other} term. */
    private static StoryFeatures viaKeyword(String id, double share, String other) {
        return article(id, keywords(share, Map.of(other, Math.sqrt(1 - share * share))));
    }

    /**
     * Cosine 0.6 * 0.3833 + 0.8 * 0.05 = 0.27 with a founder of weight 0.8 on {@code shared}: most of it through the
     * eight keywords, a little through {@code shared}; the rest on {@code e:zenith}.
     */
    static StoryFeatures viaKeywordsAnd(String id, String shared) {
        double share = 0.3833;
        return article(id, keywords(share, Map.of(shared, 0.05, "e:zenith", Math.sqrt(1 - share * share - 0.0025))));
    }

    @Test
    void nearTheThresholdASharedActorDecides() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(StoryMatcher.reaches(NEEDED, NEEDED, () -> BROAD, () -> asked.incrementAndGet() > 0))
                .isTrue();
        assertThat(StoryMatcher.reaches(NEEDED + 0.02, NEEDED, () -> BROAD, () -> false))
                .isFalse();
        assertThat(StoryMatcher.reaches(NEEDED + StoryParams.ACTORLESS_EXTRA, NEEDED, () -> BROAD, () -> false))
                .isTrue();
        assertThat(StoryMatcher.reaches(NEEDED - 0.01, NEEDED, () -> BROAD, () -> true))
                .isFalse();
        // Asked only where it decides: not below the threshold, nor from the extra on.
        asked.set(0);
        StoryMatcher.reaches(NEEDED - 0.01, NEEDED, () -> BROAD, () -> asked.incrementAndGet() > 0);
        StoryMatcher.reaches(NEEDED + 0.2, NEEDED, () -> BROAD, () -> asked.incrementAndGet() > 0);
        assertThat(asked).hasValue(0);
    }

    @Test
    void anArticleNamingNoActorOfTheStoryNeedsTheExtraToJoin() {
        // cosine 0.27: over the threshold, under threshold + extra, and another issuer
        assertThat(afterTheFounder(viaKeyword("b1", 0.45, "e:zenith")).started())
                .isTrue();
    }

    @Test
    void aPlaceInCommonIsNoActorInCommon() {
        StoryClusterer c = new StoryClusterer(StoryParams.defaults());
        c.assign(article("a1", keywords(0.6, Map.of("p:zurich", 0.8))));
        // cosine 0.27, a little of it through the place
        StoryAssignment b = c.assign(viaKeywordsAnd("b1", "p:zurich"));

        assertThat(b.started()).isTrue();
    }

    @Test
    void anArticleNamingAnActorOfTheStoryJoinsAtTheThreshold() {
        // cosine 0.27, with e:acme in common
        StoryAssignment same = afterTheFounder(viaKeywordsAnd("c1", "e:acme"));

        assertThat(same.started()).isFalse();
        assertThat(same.similarity()).isBetween(0.269, 0.271);
    }

    @Test
    void anArticleNamingNoActorOfTheStoryJoinsFromTheExtraOn() {
        // cosine 0.6 * 0.55 = 0.33: from threshold + extra on
        assertThat(afterTheFounder(viaKeyword("d1", 0.55, "e:zenith")).started())
                .isFalse();
    }

    /** The second article's assignment, decided after the founder's story (the only story) is in the index. */
    static StoryAssignment afterTheFounder(StoryFeatures second) {
        StoryClusterer c = new StoryClusterer(StoryParams.defaults());
        c.assign(founder());
        return c.assign(second);
    }

    @Test
    void aSingleArticlesLookMergesATwinNamingNoActorInCommonOnlyFromTheExtraOn() {
        assertThat(twinMerged(viaKeyword("b1", 0.45, "e:zenith")))
                .as("cosine 0.27, another issuer")
                .isFalse();
        assertThat(twinMerged(viaKeywordsAnd("c1", "e:acme")))
                .as("cosine 0.27, the same issuer")
                .isTrue();
        assertThat(twinMerged(viaKeyword("d1", 0.55, "e:zenith")))
                .as("cosine 0.33")
                .isTrue();
    }

    /** Two stories founded blind (neither saw the other), then the second one's look for a twin (no twin window). */
    static boolean twinMerged(StoryFeatures second) {
        Map<String, StoryKeeper.Entry> ledger = new HashMap<>();
        StoryKeeper keeper = new StoryKeeper(StoryParams.defaults(), StoryKeeper.Ledger.of(ledger));
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        keeper.handle("story-a", new StoryKeeper.Join(founder())).forEach(index::apply);
        keeper.handle("story-b", new StoryKeeper.Join(second)).forEach(index::apply);
        return keeper.recheck("story-b", index, null, 0).stream().anyMatch(StoryKeeper.Merged.class::isInstance);
    }
}
