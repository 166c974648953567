package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsline.article.story.StoryFeatures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryErrorsTest {
    // events 1_ecb (a, b, c) and 1_ecbplus (d); stories x (a, b, d) and y (c)
    private final Map<String, String> stories = Map.of("a", "x", "b", "x", "c", "y", "d", "x");
    private final Map<String, String> events = Map.of("a", "1_ecb", "b", "1_ecb", "c", "1_ecb", "d", "1_ecbplus");

    private StoryErrors errors() {
        Map<String, StoryFeatures> features = new HashMap<>();
        for (String id : stories.keySet()) {
            features.put(
                    id,
                    new StoryFeatures(
                            id, 0, id.equals("d"), "title " + id, Map.of("e:acme", 1.0), List.of("e:acme"), Map.of()));
        }
        return new StoryErrors(stories, events, features);
    }

    @Test
    void theLossesAddUpToWhatBCubedMisses() {
        BCubed score = BCubed.score(stories, events);
        StoryErrors e = errors();
        double recallLoss =
                e.splitEvents().stream().mapToDouble(StoryErrors.Loss::cost).sum();
        double precisionLoss =
                e.mixedStories().stream().mapToDouble(StoryErrors.Loss::cost).sum();
        assertThat(recallLoss).isCloseTo(1 - score.recall(), within(1e-9));
        assertThat(precisionLoss).isCloseTo(1 - score.precision(), within(1e-9));
    }

    @Test
    void namesTheSplitEventAndTheMixedStoryWithTheirParts() {
        StoryErrors e = errors();
        assertThat(e.splitEvents()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("1_ecb");
            assertThat(l.parts()).containsOnlyKeys("x", "y");
        });
        assertThat(e.mixedStories()).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("x");
            assertThat(l.parts()).containsOnlyKeys("1_ecb", "1_ecbplus");
        });
    }

    @Test
    void printsTheSummaryAndTheDateCoverage() {
        StringWriter s = new StringWriter();
        errors().print(5, Map.of("a", false, "b", false, "c", false, "d", true), new PrintWriter(s, true));
        assertThat(s.toString())
                .contains("1 of 2 events split")
                .contains("1 stories hold several events")
                .contains("of which 1 hold events of one topic only")
                .contains("dates printed and read: 1 of 4 articles")
                .contains("shared: e:acme");
    }
}
