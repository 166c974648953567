package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LeadSummarizerTest {
    private final LeadSummarizer summarizer = new LeadSummarizer();

    private String summarize(String dek, String... paragraphs) {
        return summarizer.summarize(ArticleText.of("Headline", dek, List.of(paragraphs)));
    }

    @Test
    void takesTheFirstTwoSentencesWhenTheyFit() {
        assertThat(summarize(null, "The pass is closed. Crews will try again at dawn. More snow is due."))
                .isEqualTo("The pass is closed. Crews will try again at dawn.");
    }

    @Test
    void doesNotSplitAtAbbreviations() {
        assertThat(summarize(null, "Mr. Ortiz met U.S. officials in Washington on Monday. The talks ran late."))
                .isEqualTo("Mr. Ortiz met U.S. officials in Washington on Monday. The talks ran late.");
    }

    @Test
    void skipsSubheads() {
        assertThat(summarize(null, "What Happens Next", "The council will vote in May."))
                .isEqualTo("The council will vote in May.");
    }

    @Test
    void skipsAParagraphThatRepeatsTheDek() {
        assertThat(summarize("Council to vote in May", "Council to vote in May.", "The vote follows months of talks."))
                .isEqualTo("The vote follows months of talks.");
    }

    @Test
    void keepsOneSentenceWhenTwoWouldExceedTheCap() {
        String first = "A".repeat(200) + ".";
        String second = "B".repeat(150) + ".";

        assertThat(summarize(null, first + " " + second)).isEqualTo(first);
    }

    @Test
    void cutsAnOverlongSentenceAtAWordWithAnEllipsis() {
        String sentence = "word ".repeat(100).strip() + ".";

        String summary = summarize(null, sentence);

        assertThat(summary).hasSizeLessThanOrEqualTo(300).endsWith("word\u2026");
    }

    @Test
    void emptyBodyHasAnEmptySummary() {
        assertThat(summarize(null)).isEmpty();
    }
}
