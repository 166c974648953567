package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {
    private final KeywordExtractor extractor = new KeywordExtractor();

    private List<String> terms(String title, String... paragraphs) {
        return extractor.extract(ArticleText.of(title, null, List.of(paragraphs)), "en").stream()
                .map(KeyTerm::term)
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
        List<KeyTerm> k = extractor.extract(
                ArticleText.of("Storm", null, List.of("The storm closed the pass. Another storm is due on the pass.")),
                "en");

        assertThat(k.get(0).score()).isEqualTo(1.0);
        assertThat(k).extracting(KeyTerm::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
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
    void termRareInTheBackgroundOutranksACommonWordTheArticleUsesMoreOften() {
        // "company" (in 515 of the 2,225 background documents) four times, "glacier" (in fewer than two) twice.
        DocumentFrequencies background = DocumentFrequencies.shipped();
        assertThat(background.idf("glacier")).isGreaterThan(3 * background.idf("company"));

        List<KeyTerm> k = extractor.extract(
                ArticleText.of(
                        "Update",
                        null,
                        List.of(
                                "The company said the glacier had shrunk. The company expects the glacier to shrink.",
                                "The company will publish its data on the company website next spring.")),
                "en");

        assertThat(k).extracting(KeyTerm::term).startsWith("glacier").contains("company");
        double glacier = score(k, "glacier");
        double company = score(k, "company");
        assertThat(glacier).isEqualTo(1.0);
        assertThat(company).isLessThan(0.5 * glacier);
    }

    @Test
    void idfIsTheSmoothedLogRatio() {
        DocumentFrequencies background = DocumentFrequencies.shipped();
        int n = background.documents();

        assertThat(n).isGreaterThan(2000);
        assertThat(background.idf("company"))
                .isCloseTo(Math.log((n + 1.0) / (background.df("company") + 1.0)) + 1, within(1e-9));
        assertThat(background.idf("no-such-term")).isCloseTo(Math.log(n + 1.0) + 1, within(1e-9));
    }

    @Test
    void commonWordsRankLowEvenWhenFrequent() {
        // "week", "plan" and "new" are everywhere in news; "ferry" and "timetable" are what this story is about.
        List<String> t = terms(
                "Timetable change",
                "The new ferry timetable starts next week. The plan adds a late ferry and the plan keeps the new fares.",
                "The plan was agreed this week after the new timetable drew complaints from week-day ferry users.");

        assertThat(t.subList(0, 2)).containsExactlyInAnyOrder("ferry", "timetable");
        assertThat(t.indexOf("plan")).isGreaterThan(t.indexOf("ferry"));
    }

    @Test
    void keepsThreeWordPhrasesAndDropsTheirParts() {
        List<String> t = terms(
                "Shareholders revolt",
                "Shareholders forced an extraordinary general meeting on Monday.",
                "The extraordinary general meeting will vote on the pay of the board.");

        assertThat(t)
                .contains("extraordinary general meeting")
                .doesNotContain("extraordinary general", "general meeting");
    }

    @Test
    void sentenceInitialWordNobodyWritesInLowerCaseIsNoKeyword() {
        // "Voltloop" opens a sentence but is a name: the body never writes it in lower case and the background does
        // not know it.
        assertThat(
                        terms(
                                "Recycling plant",
                                "Voltloop raised money for a battery recycling plant. Voltloop said battery demand was rising."))
                .contains("battery")
                .doesNotContain("voltloop");
    }

    @Test
    void otherLanguagesUsePlainWeightedFrequency() {
        List<KeyTerm> k = extractor.extract(
                ArticleText.of(
                        "La ville ouvre des pistes",
                        null,
                        List.of("Les pistes cyclables de la ville ouvrent lundi. Les pistes relient la gare au port.")),
                "fr");

        assertThat(k).extracting(KeyTerm::term).startsWith("pistes");
    }

    private static double score(List<KeyTerm> keywords, String term) {
        return keywords.stream()
                .filter(k -> k.term().equals(term))
                .findFirst()
                .orElseThrow()
                .score();
    }

    @Test
    void emptyBodyHasNoKeywords() {
        assertThat(terms("Headline only")).isEmpty();
    }
}
