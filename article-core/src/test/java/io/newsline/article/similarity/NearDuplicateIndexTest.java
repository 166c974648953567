package io.newsline.article.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
    private static final List<String> STORY = List.of(
            "The council voted on Monday night to close the old bridge over the river to cars from next spring.",
            "Engineers found cracks in two of the piers last year and warned that heavy lorries could make them"
                    + " worse, the council said in a statement.",
            "Cyclists and people on foot will still be able to cross while a new bridge is built downstream.");

    @Test
    void findsEarlierNearDuplicatesAboveTheThresholdOnly() {
        ArticleSketch.Sketcher sketcher = new ArticleSketch.Sketcher(NearDuplicateParams.defaults(true));
        NearDuplicateIndex index = new NearDuplicateIndex(sketcher, 0.5);

        assertThat(index.add("original", sketcher.shingles(STORY))).isEmpty();
        List<NearDuplicateIndex.Match> matches = index.add("trimmed", sketcher.shingles(STORY.subList(0, 2)));
        assertThat(matches).extracting(NearDuplicateIndex.Match::articleId).containsExactly("original");
        assertThat(matches.get(0).similarity()).isBetween(0.5, 1.0);
        assertThat(index.add(
                        "other",
                        sketcher.shingles(List.of("A recipe for lemon cake with poppy seeds and"
                                + " a thin sugar glaze, baked for forty minutes."))))
                .isEmpty();
        assertThat(index.add("last paragraph only", sketcher.shingles(STORY.subList(2, 3))))
                .isEmpty(); // shares a band perhaps, but far below the threshold
        assertThat(index.size()).isEqualTo(4);
    }
}
