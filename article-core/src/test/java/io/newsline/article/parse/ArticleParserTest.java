package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
    private static final Instant NOW = Fixtures.NOW;
    private final ArticleParser parser = new ArticleParser();

    private ArticleParts parse(String text) {
        return parser.parse(text, NOW);
    }

    @Test
    void repeatedHeadlineWithOtherCaseSpacingAndQuotesIsDropped() {
        ArticleParts a = parse(
                """
                Ferry \u2018Summer\u2019 Timetable Starts Early

                ferry  'summer'   timetable starts early
                The first summer sailing leaves at dawn on Monday.
                """);

        assertThat(a.dek()).isNull();
        assertThat(a.bodyParagraphs()).containsExactly("The first summer sailing leaves at dawn on Monday.");
    }

    @Test
    void paraphraseOfTheHeadlineIsTheDek() {
        ArticleParts a = parse(
                """
                River festival returns to the old docks

                Old docks host the returning river festival for three days

                Stalls and boat races fill the quays from Friday.
                """);

        assertThat(a.dek()).isEqualTo("Old docks host the returning river festival for three days");
        assertThat(a.bodyParagraphs()).containsExactly("Stalls and boat races fill the quays from Friday.");
    }

    @Test
    void lineFollowedByABylineIsTheDekEvenWhenItEndsWithAPeriod() {
        ArticleParts a = parse(
                """
                Museum reopens

                After two years of repairs the roof no longer leaks.
                By Ines Gallo

                Visitors queued from early morning.
                """);

        assertThat(a.dek()).isEqualTo("After two years of repairs the roof no longer leaks.");
        assertThat(a.bylines()).containsExactly("Ines Gallo");
    }

    @Test
    void firstProseParagraphOfABbcStyleArticleIsNotADek() {
        ArticleParts a = Fixtures.parseFixture("bbc-style.txt");

        assertThat(a.dek()).isNull();
        assertThat(a.bodyParagraphs().get(0)).startsWith("Snowploughs were unable");
    }

    @Test
    void bbcStyleArticleHasTitleAndParagraphsButNoDateOrByline() {
        ArticleParts a = Fixtures.parseFixture("bbc-style.txt");

        assertThat(a.title()).isEqualTo("Storm closes mountain pass for third day");
        assertThat(a.bylines()).isEmpty();
        assertThat(a.publishedAt()).isNull();
        assertThat(a.bodyParagraphs()).hasSize(3);
        assertThat(a.removedBoilerplate()).isZero();
    }

    @Test
    void headerWithDekTwoBylinesAndTwoDatesIsFullyRead() {
        ArticleParts a = Fixtures.parseFixture("dek-and-bylines.txt");

        assertThat(a.title()).isEqualTo("Harbour Council Approves Tram Line After Decade of Delays");
        assertThat(a.dek())
                .isEqualTo("Councillors vote 9-2 to fund the first stage, with work due to start next spring");
        assertThat(a.bylines()).containsExactly("Marta Quill", "Tomas Reyes");
        assertThat(a.bodyParagraphs().get(0)).startsWith("The Harbour Council voted on Wednesday");
    }

    @Test
    void publishedDateWinsOverUpdatedDate() {
        ArticleParts a = Fixtures.parseFixture("dek-and-bylines.txt");

        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-13T00:00:00Z"));
    }

    @Test
    void updatedDateIsUsedWhenThereIsNoPublishedDate() {
        ArticleParts a = parse(
                """
                Bridge repairs finish early
                Updated: 14 March 2024 16:20 GMT

                The bridge reopened to traffic on Thursday.
                """);

        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-03-14T16:20:00Z"));
    }

    @Test
    void bylineWithAnAgencyKeepsOnlyThePerson() {
        ArticleParts a = parse(
                """
                Grain prices ease
                By Ola Brandt, Reuters

                Wheat futures fell for a third day.
                """);

        assertThat(a.bylines()).containsExactly("Ola Brandt");
    }

    @Test
    void agencyAloneIsTheByline() {
        ArticleParts a = parse(
                """
                Grain prices ease
                By Reuters

                Wheat futures fell for a third day.
                """);

        assertThat(a.bylines()).containsExactly("Reuters");
    }

    @Test
    void sentenceStartingWithByIsBodyNotByline() {
        ArticleParts a = parse(
                """
                Talks resume

                By Monday, talks had resumed in the capital.
                """);

        assertThat(a.bylines()).isEmpty();
        assertThat(a.bodyParagraphs()).containsExactly("By Monday, talks had resumed in the capital.");
    }

    @Test
    void bylineGluedToTheLastSentenceIsSplitOff() {
        ArticleParts a = parse("Rail strike called off\n\nUnions accepted the offer late on Sunday.By Jana Novak");

        assertThat(a.bylines()).containsExactly("Jana Novak");
        assertThat(a.bodyParagraphs()).containsExactly("Unions accepted the offer late on Sunday.");
    }

    @Test
    void trailingDateLineIsMetadataNotBody() {
        ArticleParts a = parse(
                """
                Rail strike called off

                Unions accepted the offer late on Sunday.

                Published: Sept. 3, 2025
                """);

        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z"));
        assertThat(a.bodyParagraphs()).containsExactly("Unions accepted the offer late on Sunday.");
    }

    @Test
    void dateLineBeforeTheHeadlineIsSkipped() {
        ArticleParts a = parse(
                """
                2025-09-03
                Rail strike called off

                Unions accepted the offer late on Sunday.
                """);

        assertThat(a.title()).isEqualTo("Rail strike called off");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z"));
    }

    @Test
    void dateLaterThanNowIsIgnored() {
        ArticleParts a = parse(
                """
                Festival dates announced
                December 1, 2025

                The festival will run for a week.
                """);

        assertThat(a.publishedAt()).isNull();
        assertThat(a.bodyParagraphs()).containsExactly("The festival will run for a week.");
    }

    @Test
    void dateEqualToNowIsKept() {
        ArticleParts a = parser.parse("Title\n2025-11-23T12:00:00Z\n\nBody text here.", NOW);

        assertThat(a.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void boilerplateVariantsAreRemovedFromACrlfFile() {
        ArticleParts a = Fixtures.parseFixture("boilerplate-variants.txt");

        assertThat(a.bodyParagraphs())
                .containsExactly(
                        "Sales at the Brightloaf bakery chain rose 6% in the three months to June.",
                        "The company said demand for its seeded rye had doubled.");
        // "Most read", two teasers, "latest business news?", the newsletter line and the share bar.
        assertThat(a.removedBoilerplate()).isEqualTo(6);
    }

    @Test
    void relatedListAndShareLineAfterTheBodyAreRemovedButSubheadStays() {
        ArticleParts a = Fixtures.parseFixture("dek-and-bylines.txt");

        assertThat(a.bodyParagraphs()).contains("What Happens Next");
        assertThat(a.bodyText()).doesNotContain("Ferry Routes", "Bike Lanes", "Share this article");
        assertThat(a.removedBoilerplate()).isEqualTo(4);
    }

    @Test
    void headlineOnlyArticleHasAnEmptyBody() {
        ArticleParts a = Fixtures.parseFixture("headline-only.txt");

        assertThat(a.title()).isEqualTo("Library opens late on Thursdays");
        assertThat(a.bodyParagraphs()).isEmpty();
        assertThat(a.bodyText()).isEmpty();
    }

    @Test
    void blankTextIsRejected() {
        assertThatThrownBy(() -> parse(" \n\t\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hardWrappedLinesAreJoinedIntoOneParagraph() {
        ArticleParts a = parse(
                """
                Council budget agreed

                The council agreed its budget after a long
                meeting that ran past midnight.

                A second vote is due in May.
                """);

        assertThat(a.bodyParagraphs())
                .containsExactly(
                        "The council agreed its budget after a long meeting that ran past midnight.",
                        "A second vote is due in May.");
    }

    @Test
    void whitespaceInsideLinesIsCollapsed() {
        ArticleParts a = parse("  Council\u00A0budget   agreed \n\nThe  vote\twas close.");

        assertThat(a.title()).isEqualTo("Council budget agreed");
        assertThat(a.bodyParagraphs()).containsExactly("The vote was close.");
    }
}
