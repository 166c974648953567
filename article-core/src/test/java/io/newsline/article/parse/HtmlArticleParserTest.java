package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleParserTest {
    private static final Instant NOW = Instant.parse("2025-09-10T00:00:00Z");
    private static final String BODY =
            "<p>The first paragraph of the story says what happened in Springfield on Monday,"
                    + " and who was there when it did.</p><p>The second paragraph adds a quote from a council officer and"
                    + " some figures about the cost of the repairs to the bridge.</p><p>The third paragraph explains what"
                    + " happens next and when the bridge should reopen to traffic.</p>";

    private final HtmlArticleParser parser = new HtmlArticleParser();

    @Test
    void detectsHtmlByMediaTypeNameOrContent() {
        assertThat(HtmlArticleParser.isHtml("text/html; charset=utf-8", "a.txt", "plain"))
                .isTrue();
        assertThat(HtmlArticleParser.isHtml(null, "page.HTM", "plain")).isTrue();
        assertThat(HtmlArticleParser.isHtml("text/plain", "a.txt", "\uFEFF<!DOCTYPE html><html>"))
                .isTrue();
        assertThat(HtmlArticleParser.isHtml("text/plain", "a.txt", "Headline\n\n<b>not a page</b>"))
                .isFalse();
    }

    @Test
    void metadataFromOpenGraphAndArticleMetas() {
        String html = "<html><head><title>Bridge closed | Springfield Post</title>"
                + "<meta property=\"og:site_name\" content=\"Springfield Post\">"
                + "<meta property=\"og:title\" content=\"Bridge closed for repairs\">"
                + "<meta property=\"article:published_time\" content=\"2025-09-03T10:00:00+01:00\">"
                + "<meta name=\"author\" content=\"Ann Lee and Tom Hart\"></head><body><article>"
                + BODY + "</article></body></html>";

        ArticleParts a = parser.parse(html, "https://example.org/bridge", NOW);

        assertThat(a.title()).isEqualTo("Bridge closed for repairs");
        assertThat(a.bylines()).containsExactly("Ann Lee", "Tom Hart");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-09-03T09:00:00Z"));
        assertThat(a.bodyParagraphs()).hasSize(3).first().asString().startsWith("The first paragraph");
    }

    @Test
    void jsonLdWinsAndAFutureDateIsIgnored() {
        String html = "<html><head><title>Whatever</title><script type=\"application/ld+json\">"
                + "{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":\"Bridge reopens early\","
                + "\"datePublished\":\"2099-01-01T00:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"}}]}"
                + "</script></head><body><article><time datetime=\"2025-09-05\">5 Sept</time>" + BODY
                + "</article></body></html>";

        ArticleParts a = parser.parse(html, null, NOW);

        assertThat(a.title()).isEqualTo("Bridge reopens early");
        assertThat(a.bylines()).containsExactly("Ann Lee");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-09-05T00:00:00Z"));
    }

    @Test
    void titleFromTheTitleElementWithoutTheSiteSuffix() {
        String html = "<html><head><title>Bridge closed for repairs on Monday | Springfield Post</title></head>"
                + "<body>" + BODY + "</body></html>";

        assertThat(parser.parse(html, null, NOW).title()).isEqualTo("Bridge closed for repairs on Monday");
    }
}
