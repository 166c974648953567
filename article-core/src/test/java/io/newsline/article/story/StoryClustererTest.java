package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Online story clustering on hand-made inputs (entities, keywords, headlines written for this test). */
class StoryClustererTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long T0 = Instant.parse("2025-05-13T08:00:00Z").toEpochMilli();

    private static StoryInput.Entity person(String id, String name, int mentions) {
        return new StoryInput.Entity(id, name, "PERSON", mentions);
    }

    private static StoryInput.Entity place(String id, String name, int mentions) {
        return new StoryInput.Entity(id, name, "LOCATION", mentions);
    }

    private static StoryInput.Keyword kw(String term, double score) {
        return new StoryInput.Keyword(term, score);
    }

    private static StoryInput rehab(String id, long at, String who, String whoId, String clinic, String clinicId) {
        return new StoryInput(
                id,
                at,
                true,
                who + " checks into " + clinic + " rehab",
                List.of(
                        person(whoId, who, 5),
                        new StoryInput.Entity(clinicId, clinic, "ORGANIZATION", 3),
                        place("malibu", "Malibu", 1)),
                List.of(kw("rehab", 1), kw("treatment", 0.7), kw("actress", 0.5)),
                List.of(who + " entered " + clinic + " in Malibu for treatment, a representative for the actress"
                        + " said on Friday. " + who + " asked for privacy."));
    }

    private static StoryInput quake(String id, long at) {
        return new StoryInput(
                id,
                at,
                true,
                "Earthquake shakes northern Sumatra",
                List.of(place("sumatra", "Sumatra", 4), place("indonesia", "Indonesia", 2)),
                List.of(kw("earthquake", 1), kw("magnitude", 0.8), kw("tsunami warning", 0.6)),
                List.of("A magnitude 6.1 earthquake shook northern Sumatra on Monday, and a tsunami warning was"
                        + " lifted an hour later."));
    }

    /** Another celebrity's rehab stay: the same kind of event, other people, place and details. */
    private static StoryInput lohan(String id, long at) {
        return new StoryInput(
                id,
                at,
                true,
                "Lindsay Lohan moves to Cliffside after Betty Ford",
                List.of(
                        person("lindsay-lohan", "Lindsay Lohan", 6),
                        new StoryInput.Entity("cliffside", "Cliffside", "ORGANIZATION", 3),
                        new StoryInput.Entity("betty-ford-center", "Betty Ford Center", "ORGANIZATION", 3),
                        person("shawn-holley", "Shawn Holley", 2)),
                List.of(kw("court-mandated", 1), kw("plea deal", 0.8), kw("rehab", 0.6)),
                List.of("Lindsay Lohan left the Betty Ford Center for Cliffside, where she will finish her"
                        + " court-mandated stay, her attorney Shawn Holley said. The plea deal followed her car"
                        + " accident case."));
    }

    private static StoryClusterer clusterer() {
        return new StoryClusterer(StoryParams.defaults());
    }

    @Test
    void reportsOfOneEventJoinOneStoryAndTwoEventsOfOneKindStayApart() {
        StoryClusterer c = clusterer();
        StoryAssignment a1 = c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment a2 = c.assign(rehab("a2", T0 + DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        int afterTwo = a1.story().articles();
        StoryAssignment b1 = c.assign(lohan("b1", T0 + DAY));
        StoryAssignment q1 = c.assign(quake("q1", T0 + DAY));

        assertThat(a1.started()).isTrue();
        assertThat(a1.storyId()).isEqualTo("story-a1");
        assertThat(a2.started()).isFalse();
        assertThat(a2.storyId()).isEqualTo(a1.storyId());
        assertThat(afterTwo).isEqualTo(2);
        assertThat(b1.storyId()).isNotEqualTo(a1.storyId());
        assertThat(q1.storyId()).isNotIn(a1.storyId(), b1.storyId());
        assertThat(a2.story().label()).startsWith("Tara Reid");
    }

    @Test
    void aMuchLaterDevelopmentJoinsOnlyOnStrongEvidence() {
        StoryParams params = StoryParams.defaults();
        StoryClusterer c = new StoryClusterer(params);
        StoryInput first = rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises");
        c.assign(first);
        StoryFeatures later = c.features(rehab("a2", T0 + 120 * DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment joined = c.assign(later);
        assertThat(joined.storyId()).isEqualTo("story-a1"); // the same people and place, months later
        assertThat(joined.similarity()).isGreaterThanOrEqualTo(params.lateThreshold());

        // With the late threshold at 1, no article short of a copy joins a quiet story; an open one it still joins.
        // (The clinic's other name differs in a word that is no place: place names are not headline or body terms.)
        StoryClusterer strict = new StoryClusterer(params.withThresholds(0.2, 1.0));
        strict.assign(first);
        assertThat(strict.assign(rehab("x", T0 + 120 * DAY, "Tara Reid", "tara-reid", "Promises Clinic", "promises"))
                        .started())
                .isTrue();
        assertThat(strict.assign(rehab("y", T0 + 2 * DAY, "Tara Reid", "tara-reid", "Promises Clinic", "promises"))
                        .started())
                .isFalse();
    }

    @Test
    void aStoryQuietForLongerThanTheRetentionIsClosedToDatedArticles() {
        StoryParams p = StoryParams.defaults();
        StoryParams shortRetention = new StoryParams(
                p.threshold(),
                p.lateThreshold(),
                Duration.ofDays(7),
                Duration.ofDays(30),
                p.blockingKeys(),
                p.storyKeys(),
                p.maxTerms(),
                p.maxStoriesPerKey(),
                p.mergeThreshold(),
                p.summaryTerms());
        StoryClusterer c = new StoryClusterer(shortRetention);
        c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment late = c.assign(rehab("a2", T0 + 40 * DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        assertThat(late.started()).isTrue();
        assertThat(late.candidates()).isEqualTo(1); // found through its keys, then refused as closed
    }

    @Test
    void undatedArticlesAreNoTimeEvidence() {
        StoryParams strictLate = StoryParams.defaults().withThresholds(0.2, 1.0);
        StoryClusterer c = new StoryClusterer(strictLate);
        c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryInput dated = rehab("a2", T0 + 90 * DAY, "Tara Reid", "tara-reid", "Promises", "promises");
        StoryInput undated = new StoryInput(
                dated.articleId(),
                dated.publishedAt(),
                false,
                dated.title(),
                dated.entities(),
                dated.keywords(),
                dated.body());
        assertThat(c.assign(undated).started()).isFalse();
    }

    @Test
    void theSameOrderGivesTheSameStories() {
        List<StoryInput> inputs = List.of(
                rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"),
                quake("q1", T0),
                lohan("b1", T0),
                rehab("a2", T0 + DAY, "Tara Reid", "tara-reid", "Promises", "promises"),
                quake("q2", T0 + DAY));
        assertThat(run(inputs)).isEqualTo(run(inputs));
        assertThat(run(inputs)).containsExactly("story-a1", "story-q1", "story-b1", "story-a1", "story-q1");
    }

    @Test
    void candidatesComeOnlyFromSharedBlockingKeys() {
        StoryClusterer c = clusterer();
        c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment q = c.assign(quake("q1", T0));
        assertThat(q.candidates()).isZero(); // nothing in common: the rehab story is never looked at
    }

    @Test
    void twoStoriesFoundedBeforeTheIndexShowedEachOtherAreMergedIntoTheSmallerIdOnceItDoes() {
        // lag 1: an article's story reaches the index only after one more article was decided.
        StoryClusterer c = new StoryClusterer(StoryParams.defaults(), 1);
        StoryAssignment a1 = c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment a2 = c.assign(rehab("a2", T0 + DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        assertThat(a2.started()).isTrue(); // story-a1 was not in the index yet
        assertThat(c.merges()).isZero();

        c.assign(quake("q1", T0)); // story-a2 shows now; it finds its twin
        assertThat(c.merges()).isEqualTo(1);
        assertThat(c.resolve(a2.storyId())).isEqualTo(a1.storyId());
        assertThat(c.resolve(a1.storyId())).isEqualTo(a1.storyId());

        // The index no longer lists the merged story; the next report joins the survivor.
        StoryAssignment a3 = c.assign(rehab("a3", T0 + 2 * DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        c.assign(quake("q2", T0 + DAY));
        assertThat(a3.storyId()).isEqualTo(a1.storyId());
        assertThat(a3.story().articles()).isEqualTo(3);
    }

    @Test
    void anInstanceThatReadsItsOwnDecisionsFoundsNoTwinWhileTheIndexLags() {
        // The same lag as above, one instance reading its own decisions: the second report meets the first's story.
        StoryClusterer c = new StoryClusterer(StoryParams.defaults(), 1, 0, 1);
        StoryAssignment a1 = c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryAssignment a2 = c.assign(rehab("a2", T0 + DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        c.assign(quake("q1", T0));
        c.finish();
        assertThat(a2.started()).isFalse();
        assertThat(a2.storyId()).isEqualTo(a1.storyId());
        assertThat(c.merges()).isZero();
    }

    /** A report of one rehab stay, in one of two wordings (two agencies' copy of the same event). */
    private static StoryInput tara(String id, long at, boolean agencyB) {
        String body = "Tara Reid entered the Promises clinic in Malibu for treatment on Friday. "
                + (agencyB
                        ? "Her publicist confirmed the stay and asked the press for respect."
                        : "A representative asked for privacy for the actress.");
        return new StoryInput(
                id,
                at,
                true,
                agencyB
                        ? "Publicist confirms Tara Reid rehab stay at Promises"
                        : "Tara Reid checks into Promises rehab",
                List.of(
                        person("tara-reid", "Tara Reid", 5),
                        new StoryInput.Entity("promises", "Promises", "ORGANIZATION", 3),
                        place("malibu", "Malibu", 1)),
                List.of(kw("rehab", 1), kw("treatment", 0.7), agencyB ? kw("publicist", 0.5) : kw("privacy", 0.5)),
                List.of(body));
    }

    @Test
    void storiesFoundedBlindAndRecheckedAtOnceEndAsOneStoryNotAsPairs() {
        // The app under load: all four reports are decided before any of their stories shows in the index, and
        // each story looks for its twin only once all four show. Each finds its nearest twin, its own agency's copy:
        // two pairs. The survivors look again after their merge and find each other.
        StoryClusterer c = new StoryClusterer(StoryParams.defaults(), 4, 4);
        List<String> ids = new ArrayList<>();
        ids.add(c.assign(tara("a1", T0, false)).storyId());
        ids.add(c.assign(tara("b1", T0, true)).storyId());
        ids.add(c.assign(tara("a2", T0, false)).storyId());
        ids.add(c.assign(tara("b2", T0, true)).storyId());
        for (int i = 0; i < 4; i++) {
            c.assign(quake("q" + i, T0)); // other news, while the index catches up
        }
        c.finish();

        assertThat(ids).doesNotHaveDuplicates(); // all four founded blind
        assertThat(ids.stream().map(c::resolve).distinct()).containsExactly("story-a1");
    }

    @Test
    void aStoryOfSeveralArticlesLeavesASingleArticleToLookForItsOwnTwin() {
        java.util.Map<String, StoryKeeper.Entry> ledger = new java.util.HashMap<>();
        StoryKeeper keeper = new StoryKeeper(StoryParams.defaults(), StoryKeeper.Ledger.of(ledger));
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryFeatureExtractor extractor = new StoryFeatureExtractor(StoryParams.defaults());
        keeper.handle("story-a", new StoryKeeper.Join(extractor.extract(tara("a1", T0, false))))
                .forEach(index::apply);
        keeper.handle("story-a", new StoryKeeper.Join(extractor.extract(tara("a2", T0, true))))
                .forEach(index::apply);
        keeper.handle("story-c", new StoryKeeper.Join(extractor.extract(tara("c1", T0, false))))
                .forEach(index::apply);

        // The single article is the same story, but the larger one does not take it at the join threshold ...
        assertThat(keeper.recheck("story-a", index)).isEmpty();
        // ... the single article's own look does, and the larger id goes into the smaller.
        assertThat(keeper.recheck("story-c", index))
                .filteredOn(StoryKeeper.Merged.class::isInstance)
                .map(e -> (StoryKeeper.Merged) e)
                .extracting(StoryKeeper.Merged::storyId, StoryKeeper.Merged::into)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("story-c", "story-a"));
    }

    @Test
    void aLookMergesOnlyAStoryFoundedWithinTheTwinWindow() {
        java.util.Map<String, StoryKeeper.Entry> ledger = new java.util.HashMap<>();
        long[] now = {0};
        StoryKeeper keeper = new StoryKeeper(StoryParams.defaults(), StoryKeeper.Ledger.of(ledger), () -> now[0]);
        InMemoryStoryIndex index = new InMemoryStoryIndex();
        StoryFeatureExtractor extractor = new StoryFeatureExtractor(StoryParams.defaults());
        keeper.handle("story-a", new StoryKeeper.Join(extractor.extract(tara("a1", T0, false))))
                .forEach(index::apply);
        now[0] = 100; // founded 100 after story-a: its article saw story-a in the index and did not join it
        keeper.handle("story-c", new StoryKeeper.Join(extractor.extract(tara("c1", T0, false))))
                .forEach(index::apply);
        assertThat(((StoryKeeper.Live) ledger.get("story-a")).story().foundedAt())
                .isZero();
        assertThat(((StoryKeeper.Live) ledger.get("story-c")).story().foundedAt())
                .isEqualTo(100);

        // The index showed story-c 50 after its founding: story-a, founded 100 before, is no twin of it.
        assertThat(keeper.recheck("story-c", index, 150L, 0)).isEmpty();
        // Without a window (not known when the index showed it), or with one that reaches story-a, it is merged.
        assertThat(keeper.recheck("story-c", index, null, 0)).hasAtLeastOneElementOfType(StoryKeeper.Merged.class);
    }

    @Test
    void aSurvivorKeepsTheEarliestFounding() {
        Story survivor =
                new Story("story-a", "t", 1, T0, T0, Story.NO_DATE, Story.NO_DATE, Map.of("e:a", 1.0), Map.of(), 200);
        survivor.absorb(
                new Story("story-c", "t", 1, T0, T0, Story.NO_DATE, Story.NO_DATE, Map.of("e:a", 1.0), Map.of(), 150),
                150);
        assertThat(survivor.foundedAt()).isEqualTo(150);
        survivor.absorb(
                new Story("story-d", "t", 1, T0, T0, Story.NO_DATE, Story.NO_DATE, Map.of("e:a", 1.0), Map.of()), 150);
        assertThat(survivor.foundedAt()).isEqualTo(150); // an unknown founding changes nothing
    }

    /** A keeper whose story-a holds {@code n} reports of agency A and story-c {@code n} of agency B (one event). */
    private static StoryKeeper twoStoriesOfOneEvent(
            StoryParams params, int n, java.util.Map<String, StoryKeeper.Entry> ledger, InMemoryStoryIndex index) {
        StoryKeeper keeper = new StoryKeeper(params, StoryKeeper.Ledger.of(ledger));
        StoryFeatureExtractor extractor = new StoryFeatureExtractor(params);
        for (int i = 0; i < n; i++) {
            keeper.handle("story-a", new StoryKeeper.Join(extractor.extract(tara("a" + i, T0, false))))
                    .forEach(index::apply);
            keeper.handle("story-c", new StoryKeeper.Join(extractor.extract(tara("c" + i, T0, true))))
                    .forEach(index::apply);
        }
        return keeper;
    }

    @Test
    void twoStoriesOfSeveralArticlesNeedWhatTheStoryTheyWouldMakeNeedsToBeMerged() {
        // Identical reports per agency: the two centroids point the same way whatever their size.
        java.util.Map<String, StoryKeeper.Entry> probe = new java.util.HashMap<>();
        InMemoryStoryIndex probeIndex = new InMemoryStoryIndex();
        twoStoriesOfOneEvent(StoryParams.defaults(), 2, probe, probeIndex);
        double similarity = ((StoryKeeper.Live) probe.get("story-c")).story().cosine(probeIndex.summary("story-a"));
        // A merge threshold just under their similarity: enough while the merged story stays within the size
        // rule's onset (5 + 5 articles), not for 15 + 15 (the rule adds 0.1 * ln(30 / 20) = 0.04).
        StoryParams params = StoryParams.defaults().withMergeThreshold(similarity - 0.02);

        java.util.Map<String, StoryKeeper.Entry> small = new java.util.HashMap<>();
        InMemoryStoryIndex smallIndex = new InMemoryStoryIndex();
        StoryKeeper smallKeeper = twoStoriesOfOneEvent(params, 5, small, smallIndex);
        assertThat(smallKeeper.recheck("story-c", smallIndex)).contains(new StoryKeeper.RemoveSummary("story-c"));

        java.util.Map<String, StoryKeeper.Entry> large = new java.util.HashMap<>();
        InMemoryStoryIndex largeIndex = new InMemoryStoryIndex();
        StoryKeeper largeKeeper = twoStoriesOfOneEvent(params, 15, large, largeIndex);
        assertThat(largeKeeper.recheck("story-c", largeIndex)).isEmpty();
    }

    @Test
    void aSurvivorLooksForAnotherTwinAfterAMergeOnlyWithinTheSizeRulesOnset() {
        StoryFeatureExtractor extractor = new StoryFeatureExtractor(StoryParams.defaults());
        Story merged = Story.start("story-z", extractor.extract(tara("z1", T0, true)));
        merged.add(
                extractor.extract(tara("z1", T0, true)), StoryParams.defaults().maxTerms());

        java.util.Map<String, StoryKeeper.Entry> ledger = new java.util.HashMap<>();
        StoryKeeper keeper = twoStoriesOfOneEvent(StoryParams.defaults(), 3, ledger, new InMemoryStoryIndex());
        assertThat(keeper.handle("story-a", new StoryKeeper.Absorb(merged)))
                .contains(new StoryKeeper.ScheduleRecheck("story-a"));

        ledger.clear();
        keeper =
                twoStoriesOfOneEvent(StoryParams.defaults(), StoryParams.CROWD_ONSET, ledger, new InMemoryStoryIndex());
        assertThat(keeper.handle("story-a", new StoryKeeper.Absorb(merged)))
                .doesNotContain(new StoryKeeper.ScheduleRecheck("story-a"));
    }

    @Test
    void withoutLagNoTwinStoriesAriseAndNothingIsMerged() {
        StoryClusterer c = clusterer();
        c.assign(rehab("a1", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        c.assign(rehab("a2", T0 + DAY, "Tara Reid", "tara-reid", "Promises", "promises"));
        c.assign(lohan("b1", T0 + DAY));
        assertThat(c.merges()).isZero();
    }

    @Test
    void anArticleSentToAMergedStoryGoesOnToTheStoryItWasMergedInto() {
        java.util.Map<String, StoryKeeper.Entry> ledger = new java.util.HashMap<>();
        StoryKeeper keeper = new StoryKeeper(StoryParams.defaults(), StoryKeeper.Ledger.of(ledger));
        ledger.put("story-b", new StoryKeeper.MergedInto("story-a"));
        StoryFeatures article = new StoryFeatureExtractor(StoryParams.defaults())
                .extract(rehab("x", T0, "Tara Reid", "tara-reid", "Promises", "promises"));
        StoryKeeper.Join join = new StoryKeeper.Join(article);

        assertThat(keeper.handle("story-b", join)).containsExactly(new StoryKeeper.Send("story-a", join));
        // A merge request goes on too: the story it went into is the same story.
        StoryKeeper.MergeInto request = new StoryKeeper.MergeInto("story-0");
        assertThat(keeper.handle("story-b", request)).containsExactly(new StoryKeeper.Send("story-a", request));
    }

    @Test
    void aStoryPublishesItsSummaryWhileSmallThenAboutFourTimesPerDoubling() {
        List<Integer> due = new ArrayList<>();
        for (int n = 1; n <= 64; n++) {
            if (StoryKeeper.publishDue(n)) {
                due.add(n);
            }
        }
        assertThat(due).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64);
    }

    private static List<String> run(List<StoryInput> inputs) {
        StoryClusterer c = clusterer();
        List<String> ids = new ArrayList<>();
        inputs.forEach(i -> ids.add(c.assign(i).storyId()));
        return ids;
    }
}
