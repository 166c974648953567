package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireAndCreditsTest {
    private static final Instant NOW = Instant.parse("2025-09-10T00:00:00Z");

    @Test
    void wireDatelineWithoutAYearTakesTheLatestPastOne() {
        assertThat(DateLineParser.wireDateline("LONDON, Sept. 3 (Reuters) - Shares fell.", NOW))
                .hasValueSatisfying(d -> {
                    assertThat(d.instant()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z"));
                    assertThat(d.agency()).isEqualTo("Reuters");
                });
        assertThat(DateLineParser.wireDateline("NEW YORK, Dec. 30 (AP) \u2014 Markets closed.", NOW))
                .hasValueSatisfying(d -> assertThat(d.instant()).isEqualTo(Instant.parse("2024-12-30T00:00:00Z")));
        assertThat(DateLineParser.wireDateline("London is busy in September.", NOW))
                .isEmpty();
    }

    @Test
    void reportingCreditsAreBylinesAndEditingCreditsAreNot() {
        assertThat(BylineParser.parseByline("Reporting by Kate Holloway and Daniel Mensah; Editing by Susan Fenwick"))
                .hasValueSatisfying(n -> assertThat(n).containsExactly("Kate Holloway", "Daniel Mensah"));
        assertThat(BylineParser.parseByline("By Lena Hartmann, Reuters"))
                .hasValueSatisfying(n -> assertThat(n).containsExactly("Lena Hartmann"));
        assertThat(BylineParser.parseByline(
                        "Reporting by Ann Lee; Additional reporting by Tom Hart; Editing by Jo Bloggs"))
                .hasValueSatisfying(n -> assertThat(n).containsExactly("Ann Lee", "Tom Hart"));
    }

    @Test
    void timeZoneAbbreviationsComeFromTheTable() {
        // BST is British Summer Time (UTC+1), not Bangladesh; IST is India.
        assertThat(DateLineParser.firstDate("3 September 2025 18:45 BST"))
                .hasValue(Instant.parse("2025-09-03T17:45:00Z"));
        assertThat(DateLineParser.firstDate("Sept. 3, 2025 10:00 IST")).hasValue(Instant.parse("2025-09-03T04:30:00Z"));
        assertThat(DateLineParser.firstDate("Wed, 03 Sep 2025 10:00:00 GMT"))
                .hasValue(Instant.parse("2025-09-03T10:00:00Z"));
        assertThat(DateLineParser.firstDate("2025-09-03T10:00Z")).hasValue(Instant.parse("2025-09-03T10:00:00Z"));
    }

    @Test
    void aWrongWeekdayIsIgnored() {
        assertThat(DateLineParser.parseLine("Published: Monday 3 September 2025"))
                .hasValueSatisfying(d -> assertThat(d.instant()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z")));
    }

    @Test
    void theParserReadsADatelineAndTrailingCredits() {
        String text = "Port approves new terminal\n\nLONDON, Sept. 3 (Reuters) - The port approved a terminal on"
                + " Wednesday.\n\nIt will open in 2029, officials said.\n\nReporting by Kate Holloway; Editing by"
                + " Susan Fenwick\n";

        ArticleParts a = new ArticleParser().parse(text, NOW);

        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-09-03T00:00:00Z"));
        assertThat(a.bylines()).containsExactly("Kate Holloway");
        assertThat(a.bodyParagraphs()).hasSize(2).noneMatch(p -> p.contains("Editing"));
    }
}
