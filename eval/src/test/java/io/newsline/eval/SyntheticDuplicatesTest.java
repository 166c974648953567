package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticDuplicatesTest {
    private static final List<String> STORY = List.of(
            "The council voted on Monday night to close the old bridge over the river to cars from next spring.",
            "Engineers found cracks in two of the piers last year and warned that heavy lorries could make them"
                    + " worse, the council said in a statement.",
            "Cyclists and people on foot will still be able to cross while a new bridge is built downstream.");

    @Test
    void syntheticEditsAreReproducibleAndEdit() {
        List<List<String>> donors = List.of(STORY, List.of("Another paragraph entirely, from another story."));
        SyntheticDuplicates first = new SyntheticDuplicates(7, donors);
        SyntheticDuplicates second = new SyntheticDuplicates(7, donors);
        for (SyntheticDuplicates.Edit edit : SyntheticDuplicates.Edit.values()) {
            List<String> edited = first.apply(edit, STORY);
            assertThat(second.apply(edit, STORY)).as(edit.label()).isEqualTo(edited);
            if (edit == SyntheticDuplicates.Edit.HEADLINE) {
                assertThat(edited).isEqualTo(STORY);
            } else if (!edit.name().startsWith("WORDS_")) { // a short story may draw no substitution at all
                assertThat(edited).as(edit.label()).isNotEqualTo(STORY);
            }
        }
    }
}
