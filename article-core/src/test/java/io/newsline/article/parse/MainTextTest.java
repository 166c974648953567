package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class MainTextTest {
    private static final String PROSE = "A paragraph of article prose that says something about the story. ";

    private static TextDensityExtractor.Block block(String tag, String text, int linkChars) {
        Element holder =
                Jsoup.parseBodyFragment("<" + tag + "></" + tag + ">").body().child(0);
        return new TextDensityExtractor.Block(text, text.length(), linkChars, holder);
    }

    private static TextDensityExtractor.Block prose(String text) {
        return block("p", text, 0);
    }

    private static TextDensityExtractor.Block link(String tag, String text) {
        return block(tag, text, text.length());
    }

    @Test
    void readabilityUnlessItIsMuchShorterThanTheDensityExtractorsText() {
        List<TextDensityExtractor.Block> readability = List.of(prose(PROSE));
        List<TextDensityExtractor.Block> density =
                List.of(prose(PROSE), prose(PROSE + "Two."), prose(PROSE + "Three."));

        assertThat(MainText.choose(readability, density, null)).hasSize(3);
        assertThat(MainText.choose(density, readability, null)).hasSize(3);
        assertThat(MainText.choose(List.of(), readability, null)).hasSize(1);
    }

    @Test
    void aJsonLdArticleBodyPicksTheCandidateThatAgreesWithIt() {
        String articleBody = "The ferry returned to service on Saturday after a winter refit. ".repeat(8);
        List<TextDensityExtractor.Block> right =
                List.of(prose("The ferry returned to service on Saturday after a winter refit."));
        List<TextDensityExtractor.Block> wrong = List.of(prose(PROSE.repeat(5)), prose(PROSE.repeat(5)));

        assertThat(MainText.choose(right, wrong, articleBody))
                .containsExactly("The ferry returned to service on Saturday after a winter refit.");
        assertThat(MainText.choose(wrong, right, articleBody))
                .containsExactly("The ferry returned to service on Saturday after a winter refit.");
    }

    @Test
    void linkRunsLinkedListItemsAndCapitalTeasersGoALoneLinkLineInProseStays() {
        List<String> kept = MainText.withoutLinkLists(List.of(
                prose(PROSE),
                prose("More:"),
                link("h4", "Island school gets new roof"),
                prose(PROSE + "Again."),
                link("p", "Get it at Example Store for $20"),
                prose(PROSE + "Third."),
                link("p", "FERRY OPERATOR ANNOUNCES SUMMER TIMETABLE"),
                prose(PROSE + "Fourth."),
                link("p", "First teaser in a run"),
                link("p", "Second teaser in a run")));

        assertThat(kept)
                .containsExactly(
                        PROSE,
                        PROSE + "Again.",
                        "Get it at Example Store for $20",
                        PROSE + "Third.",
                        PROSE + "Fourth.");
    }

    @Test
    void furnitureAboveTheFirstProseParagraphGoesButNotWhenThereIsNoProse() {
        String lead =
                "The harbour ferry carried its first passengers of the year on Saturday after a long winter refit.";
        List<String> body = List.of(
                "https://example.org/news/ferry-returns-123",
                "Harbour ferry returns after refit | Northport Gazette",
                "By Ann Lee, Gazette Writer",
                "Updated 5:27 am GMT, Wednesday, March 5, 2025",
                lead,
                "Short line later.",
                "SCORES");

        assertThat(MainText.withoutLeadingFurniture(body, "Harbour ferry returns after refit"))
                .containsExactly(lead, "Short line later.", "SCORES");
        List<String> noProse = List.of("Ferry times", "Monday 7:00", "Tuesday 7:30");
        assertThat(MainText.withoutLeadingFurniture(noProse, "Ferry times")).isEqualTo(noProse);
    }
}
