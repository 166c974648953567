package io.newsline.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
    private final KeywordExtractor extractor = new KeywordExtractor();

    private List<String> terms(String title, String... paragraphs) {
        return extractor.extract(ArticleText.of(title, null, List.of(paragraphs)), "en").stream()
                .map(Keyword::term)
                .toList();
    }

    @Test
    void foldsEnglishPlurals() {
        assertThat(terms("Talks", "The hostages were freed. One hostage spoke to the families of other hostages."))
                .contains("hostage")
                .doesNotContain("hostages");
    }

    @Test
    void leavesOutStopwordsNamesAndNumbers() {
        assertThat(terms("Vote", "The Harbour council said it would vote on the 2025 budget with Lisbon."))
                .doesNotContain("the", "would", "harbour", "lisbon", "2025", "said");
    }

    @Test
    void keepsPhrasesTheBodyRepeats() {
        assertThat(terms(
                        "Rates",
                        "Interest rates rose again. Borrowers fear interest rates will keep rising.",
                        "A one-off tax cut was ruled out."))
                .contains("interest rate")
                .doesNotContain("tax cut");
    }

    @Test
    void headlineTermsRankHigher() {
        List<String> t = terms(
                "Ferry fares frozen",
                "The ferry operator froze fares for a year. Passengers welcomed the news, and the ferry crews too.",
                "Passengers on the night routes also get free parking, and passengers on day routes a discount.");

        assertThat(t.get(0)).isIn("ferry", "fare");
    }

    @Test
    void bestKeywordScoresOneAndScoresFall() {
        List<Keyword> k = extractor.extract(
                ArticleText.of("Storm", null, List.of("The storm closed the pass. Another storm is due on the pass.")),
                "en");

        assertThat(k.get(0).score()).isEqualTo(1.0);
        assertThat(k).extracting(Keyword::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void returnsAtMostTheLimit() {
        KeywordExtractor three = new KeywordExtractor(3);

        assertThat(three.extract(
                        ArticleText.of("x", null, List.of("apples bananas cherries dates figs grapes lemons mangoes")),
                        "en"))
                .hasSize(3);
    }

    @Test
    void emptyBodyHasNoKeywords() {
        assertThat(terms("Headline only")).isEmpty();
    }
}
