package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermVectorTest {
    @Test
    void aDotProductOfSortedHashesEqualsTheOneOverMaps() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            Map<String, Double> a = randomVector(random, 1 + random.nextInt(150));
            Map<String, Double> b = randomVector(random, 1 + random.nextInt(80));
            assertThat(TermVector.of(a).dot(TermVector.of(b))).isCloseTo(mapDot(a, b), within(1e-12));
            assertThat(TermVector.of(b).dot(TermVector.of(a)))
                    .isEqualTo(TermVector.of(a).dot(TermVector.of(b)));
        }
    }

    @Test
    void emptyVectorsAndDisjointTermsGiveZero() {
        assertThat(TermVector.of(Map.of()).dot(TermVector.of(Map.of("e:a", 1.0))))
                .isZero();
        assertThat(TermVector.of(Map.of("e:a", 1.0)).dot(TermVector.of(Map.of("k:a", 1.0))))
                .isZero();
    }

    @Test
    void aStorysCosineFollowsItsChangesAndItsCopies() {
        Story story = story("s1", Map.of("e:a", 2.0, "k:b", 1.0));
        Story other = story("s2", Map.of("e:a", 1.0, "b:c", 1.0));
        double before = story.cosine(other);
        assertThat(before).isCloseTo(2.0 / (Math.sqrt(5) * Math.sqrt(2)), within(1e-12));

        Story copy = story.copy();
        copy.absorb(story("s3", Map.of("b:c", 4.0)), 150);
        assertThat(copy.cosine(other)).isCloseTo(6.0 / (Math.sqrt(4 + 1 + 16) * Math.sqrt(2)), within(1e-12));
        assertThat(story.cosine(other)).isEqualTo(before); // the original did not change with its copy
        assertThat(story.summary(1).cosine(other)).isCloseTo(1.0 / Math.sqrt(2), within(1e-12)); // only e:a kept
    }

    @Test
    void aSumHoldsEveryTermOfBothWithTheWeightsAddedAsAMapMergeAddsThem() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, Double> a = randomVector(random, random.nextInt(150));
            Map<String, Double> b = randomVector(random, random.nextInt(90));
            Map<String, Double> merged = new HashMap<>(a);
            b.forEach((term, w) -> merged.merge(term, w, Double::sum));
            assertThat(TermVector.of(a).plus(TermVector.of(b)).toMap()).isEqualTo(merged);
        }
    }

    @Test
    void retainKeepsTheFlaggedTermsAndFindsThemAgain() {
        TermVector v = TermVector.of(Map.of("e:a", 1.0, "k:b", 2.0, "t:c", 3.0));
        boolean[] keep = new boolean[v.size()];
        keep[v.indexOf("k:b")] = true;
        TermVector kept = v.retain(keep);
        assertThat(kept.toMap()).isEqualTo(Map.of("k:b", 2.0));
        assertThat(kept.contains("k:b")).isTrue();
        assertThat(kept.contains("e:a")).isFalse();
        assertThat(v.indexOf("b:missing")).isEqualTo(-1);
    }

    @Test
    void addingAnArticleSumsTheCentroidAndKeepsTheStrongestTermsTiesByTerm() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            Map<String, Double> centroid = randomVector(random, 1 + random.nextInt(150));
            Map<String, Double> article = randomVector(random, 1 + random.nextInt(90));
            article.put("k:tie-b", 0.5);
            article.put("k:tie-a", 0.5);
            Story story = story("s", centroid);
            story.add(new StoryFeatures("a", 0, false, "t", article, java.util.List.of(), Map.of()), 100);

            Map<String, Double> expected = new HashMap<>(centroid);
            article.forEach((term, w) -> expected.merge(term, w, Double::sum));
            java.util.List<Map.Entry<String, Double>> strongest = new java.util.ArrayList<>(expected.entrySet());
            strongest.sort(StoryFeatureExtractor.STRONGEST_FIRST);
            expected.keySet()
                    .retainAll(
                            strongest.stream().limit(100).map(Map.Entry::getKey).toList());

            assertThat(story.centroid()).isEqualTo(expected);
            assertThat(story.sortedCentroid()).containsExactlyElementsOf(strongest.subList(0, expected.size()));
        }
    }

    @Test
    void aDecodedStoryIsTheStoryItsEncoderWroteWhateverTheOrderOfItsTerms() {
        Map<String, Double> centroid = Map.of("e:a", 3.0, "k:b", 2.0, "t:c", 2.0, "b:d", 1.0);
        Story written = new Story("s", "title", 2, 0, 0, Story.NO_DATE, Story.NO_DATE, centroid, Map.of("e:a", "A"));
        String[] inOrder =
                written.sortedCentroid().stream().map(Map.Entry::getKey).toArray(String[]::new);
        double[] weights = written.sortedCentroid().stream()
                .mapToDouble(Map.Entry::getValue)
                .toArray();
        // As written (strongest first), and shuffled (as two weights that tie once written as floats can come).
        Story decoded = Story.decoded(
                "s", "title", 2, 0, 0, Story.NO_DATE, Story.NO_DATE, inOrder, weights, Map.of("e:a", "A"), 5);
        Story shuffled = Story.decoded(
                "s",
                "title",
                2,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                new String[] {"b:d", "t:c", "e:a", "k:b"},
                new double[] {1.0, 2.0, 3.0, 2.0},
                Map.of("e:a", "A"),
                5);
        for (Story s : java.util.List.of(decoded, shuffled)) {
            assertThat(s.centroid()).isEqualTo(centroid);
            assertThat(s.sortedCentroid()).containsExactlyElementsOf(written.sortedCentroid());
            assertThat(s.keys(2)).isEqualTo(written.keys(2));
            assertThat(s.label()).isEqualTo(written.label());
            assertThat(s.cosine(written)).isCloseTo(1.0, within(1e-12));
            assertThat(s.foundedAt()).isEqualTo(5);
        }
    }

    @Test
    void aTermWrittenTwiceIsReadOnceWithItsLastWeight() {
        Story s = Story.decoded(
                "s",
                "title",
                1,
                0,
                0,
                Story.NO_DATE,
                Story.NO_DATE,
                new String[] {"e:a", "k:b", "e:a"},
                new double[] {3.0, 2.0, 1.0},
                Map.of(),
                Story.UNKNOWN_FOUNDING);
        assertThat(s.centroid()).isEqualTo(Map.of("e:a", 1.0, "k:b", 2.0));
        assertThat(s.norm()).isCloseTo(Math.sqrt(5), within(1e-12));
    }

    private static Story story(String id, Map<String, Double> centroid) {
        return new Story(id, "title", 1, 0, 0, Story.NO_DATE, Story.NO_DATE, centroid, Map.of());
    }

    private static Map<String, Double> randomVector(Random random, int terms) {
        Map<String, Double> vector = new HashMap<>();
        while (vector.size() < terms) {
            vector.put("k:term" + random.nextInt(300), random.nextDouble());
        }
        return vector;
    }

    private static double mapDot(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double w = b.get(e.getKey());
            if (w != null) {
                dot += w * e.getValue();
            }
        }
        return dot;
    }
}
