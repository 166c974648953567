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
