package io.newsline.article.parse;

import static io.newsline.article.parse.Fixtures.SEED_000;
import static io.newsline.article.parse.Fixtures.SEED_002;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleParserSeedTest {
    private static final List<String> RECENT_POSTS_WORDS = List.of(
            "Recent-posts",
            "latest business news",
            "Winnie Harlow",
            "Kyle Kuzma",
            "Caicos",
            "NFL Draft",
            "Pete Carroll",
            "Las Vegas Raiders",
            "Dillon Gabriel",
            "Shedeur Sanders");

    @Nested
    class Seed000 {
        private final ArticleParts article = Fixtures.parseSeed(SEED_000);

        @Test
        void titleIsTheFirstLine() {
            assertThat(article.title())
                    .isEqualTo("Netanyahu Insists Hostage Talks With Hamas Will Continue \u2018Under Fire\u2019"
                            + " as Military Pressure Remains");
        }

        @Test
        void repeatedHeadlineIsDroppedAndIsNoDek() {
            assertThat(article.dek()).isNull();
            assertThat(article.bodyParagraphs()).noneMatch(p -> p.startsWith("Netanyahu Insists"));
        }

        @Test
        void dateLineGivesPublishedAtAsUtcMidnight() {
            assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-05-13T00:00:00Z"));
        }

        @Test
        void dateLineGivesTheByline() {
            assertThat(article.bylines()).containsExactly("Benjamin Calderwood");
        }

        @Test
        void subHeadsStayInTheBodyAsTheirOwnParagraphs() {
            assertThat(article.bodyParagraphs().get(0))
                    .isEqualTo("Netanyahu Sets the Tone: Talks and Tanks Move Forward Together");
            assertThat(article.bodyParagraphs())
                    .contains("Hostage Talks Reflect High-Stakes Chess Between Negotiation and Force");
        }

        @Test
        void bodyStartsAfterTheDateLineAndKeepsEveryProseParagraph() {
            assertThat(article.bodyParagraphs()).hasSize(8);
            assertThat(article.bodyParagraphs().get(1)).startsWith("Prime Minister Benjamin Netanyahu isn\u2019t");
        }

        @Test
        void recentPostsHeadingAndItsHeadlinesAreRemoved() {
            assertThat(article.bodyText()).doesNotContain(RECENT_POSTS_WORDS);
            assertThat(article.bodyParagraphs().get(article.bodyParagraphs().size() - 1))
                    .startsWith("The release of Alexander is a rare patch of optimism");
        }

        @Test
        void countsTheRemovedBoilerplateLines() {
            // Recent-posts, "latest business news?" and four teaser headlines.
            assertThat(article.removedBoilerplate()).isEqualTo(6);
        }

        @Test
        void lastTeaserHeadlineHasNoTrailingNewlineInTheFile() {
            assertThat(Fixtures.seed(SEED_000)).endsWith("Shedeur Sanders in a Stunning QB Surprise");
        }
    }

    @Nested
    class Seed002 {
        private final ArticleParts article = Fixtures.parseSeed(SEED_002);

        @Test
        void titleIsTheFirstLine() {
            assertThat(article.title())
                    .isEqualTo("Netanyahu orders \u2018immediate negotiations\u2019 to release hostages as Israel"
                            + " advances Gaza City operation");
        }

        @Test
        void paraphrasedSecondLineIsTheDek() {
            assertThat(article.dek())
                    .isEqualTo("Netanyahu urges prompt negotiations to release hostages during Gaza City operation");
        }

        @Test
        void trailingByLineWithoutNewlineIsTheByline() {
            assertThat(Fixtures.seed(SEED_002)).endsWith("By Ethan Brown Pheels");
            assertThat(article.bylines()).containsExactly("Ethan Brown Pheels");
        }

        @Test
        void bylineIsNotLeftInTheBody() {
            assertThat(article.bodyText()).doesNotContain("Pheels");
        }

        @Test
        void hasNoDate() {
            assertThat(article.publishedAt()).isNull();
            assertThat(article.hasPublishedAt()).isFalse();
        }

        @Test
        void bodyHasTheSixProseParagraphs() {
            assertThat(article.bodyParagraphs()).hasSize(6);
            assertThat(article.bodyParagraphs().get(0)).startsWith("Israeli Prime Minister Benjamin Netanyahu");
            assertThat(article.bodyParagraphs().get(5)).endsWith("shaping the region\u2019s immediate future.");
        }

        @Test
        void removesNothingAsBoilerplate() {
            assertThat(article.removedBoilerplate()).isZero();
        }
    }
}
