package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Publication dates of HTML pages written for these tests (no real page text). */
class HtmlDatesTest {
    private static final Instant NOW = Instant.parse("2025-09-10T00:00:00Z");
    private static final String BODY = "<p>The council voted on the plan after a long debate on Tuesday evening, and"
            + " work on the new cycle lanes is due to start next month, officials said.</p>"
            + "<p>Campaigners welcomed the decision but said the route should go further.</p>";

    private static ArticleParts parse(String head, String body, String url) {
        String html = "<html lang=\"en\"><head><title>Council approves cycle lanes</title>" + head + "</head><body>"
                + "<header class=\"site-header\"><span class=\"date\">Wednesday September 10, 2025</span></header>"
                + "<article><h1>Council approves cycle lanes</h1>" + body + BODY + "</article></body></html>";
        return new HtmlArticleParser().parse(html, url, NOW);
    }

    @Test
    void urlDate() {
        ArticleParts p = parse("", "", "https://news.example.com/2025/09/03/council-cycle-lanes/");
        assertThat(p.publishedLocalDate()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void metaPublishedTimeBeforeModified() {
        ArticleParts p = parse(
                "<meta property=\"article:modified_time\" content=\"2025-09-05T10:00:00+01:00\">"
                        + "<meta name=\"parsely-pub-date\" content=\"2025-09-03T14:05:00+01:00\">",
                "",
                "");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-09-03T13:05:00Z"));
    }

    @Test
    void jsonLdDatePublishedAndPlaceholderIgnored() {
        ArticleParts p = parse(
                "<script type=\"application/ld+json\">{\"@type\":\"VideoObject\",\"datePublished\":\"2025-01-01\"}"
                        + "</script><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
                        + "\"0001-01-01T00:00:00Z\"}</script><script type=\"application/ld+json\">{\"@type\":\"WebPage\","
                        + "\"datePublished\":\"2025-09-02T08:00:00Z\"}</script>",
                "",
                "");
        assertThat(p.publishedLocalDate()).isEqualTo(LocalDate.of(2025, 9, 2));
    }

    @Test
    void utcMetadataTakesThePublishersZoneFromTheVisibleTime() {
        ArticleParts p = parse(
                "<meta property=\"article:published_time\" content=\"2025-09-03T01:24:00Z\">",
                "<div class=\"byline\"><time datetime=\"2025-09-03T01:24:00Z\">Sep 2, 2025 at 9:24 pm ET</time></div>",
                "");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-09-03T01:24:00Z"));
        assertThat(p.publishedLocalDate()).isEqualTo(LocalDate.of(2025, 9, 2));
    }

    @Test
    void visiblePublishedIsPreferredOverUpdatedAndTheSiteHeaderIsIgnored() {
        ArticleParts p = parse(
                "",
                "<p class=\"meta\">Updated 5 September 2025 10:00</p><p class=\"meta\">Published 3 September 2025"
                        + " 14:05</p>",
                "");
        assertThat(p.publishedLocalDate()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void timeElementAfterTheHeadline() {
        ArticleParts p = parse("", "<time datetime=\"2025-09-03T14:05:00+02:00\">3 Sept 2025</time>", "");
        assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-09-03T12:05:00Z"));
    }

    @Test
    void numericVisibleDateFollowsThePageLocale() {
        String html = "<html lang=\"pt-BR\"><head><title>Conselho aprova ciclovias</title></head><body><article>"
                + "<h1>Conselho aprova ciclovias</h1><p class=\"data\">Publicado em 05/08/2025</p>" + BODY
                + "</article></body></html>";
        ArticleParts p = new HtmlArticleParser().parse(html, "", NOW);
        assertThat(p.publishedLocalDate()).isEqualTo(LocalDate.of(2025, 8, 5));
    }

    @Test
    void neverADateAfterIngest() {
        ArticleParts p = parse("<meta name=\"date\" content=\"2025-12-01\">", "", "");
        assertThat(p.publishedAt()).isNull();
    }
}
