package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Main text and headline of whole pages written for these tests ({@code fixtures/html/}). */
class HtmlMainTextTest {
    private static final Instant NOW = Instant.parse("2025-09-10T00:00:00Z");
    private final HtmlArticleParser parser = new HtmlArticleParser();

    private ArticleParts parse(String name) {
        return parser.parse(Fixtures.fixture("html/" + name), "https://example.org/story", NOW);
    }

    @Test
    void captionsHiddenTextShareBarsAndLinkListsAreNotBodyEvenInsideAPageWideForm() {
        ArticleParts a = parse("captions-hidden-related.html");

        assertThat(a.bodyParagraphs())
                .containsExactly(
                        "The harbour ferry between Northport and Gull Island carried its first passengers of the year"
                                + " on Saturday, after a winter refit that replaced both of its engines.",
                        "The crossing takes twelve minutes and runs every half hour from seven in the morning, the"
                                + " operator said, with an extra evening sailing on Fridays during the summer.",
                        "Islanders had relied on a smaller water taxi since December, which could not take bicycles"
                                + " or prams and was cancelled on windy days.",
                        "\"It is good to have a proper boat again,\" said a shopkeeper on the island, who crosses most"
                                + " mornings to collect deliveries from the mainland.");
    }

    @Test
    void theVisibleHeadlineAgreeingWithTheMetadataWinsOverTheLogoAndTheSectionPrefix() {
        // og:title has "Opinion | ", <title> has " | Local | Northport Gazette"; the logo is also an <h1>.
        assertThat(parse("captions-hidden-related.html").title()).isEqualTo("Harbour ferry returns after winter refit");
    }

    @Test
    void linksInsideASentenceStayInItsParagraph() {
        ArticleParts a = parse("inline-links.html");

        assertThat(a.title()).isEqualTo("Library extends opening hours");
        assertThat(a.bodyParagraphs())
                .contains(
                        "Millbrook library will open until eight in the evening on weekdays from next month, the council"
                                + " said, after a survey of more than 900 residents asked for later hours.",
                        "Readers who want to comment can do so at the library desk or through the council's"
                                + " consultation page until the end of the month.")
                .hasSize(4);
    }

    @Test
    void withoutAnyMetadataTheHeadingAboveTheTextIsTheHeadlineNotTheSiteTitle() {
        ArticleParts a = parse("no-metadata-blog.html");

        assertThat(a.title()).isEqualTo("Why the spring frost came late this year");
        assertThat(a.bodyParagraphs()).hasSize(3).first().asString().startsWith("Members who planted potatoes");
    }
}
