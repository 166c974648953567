package io.newsline.streams.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.article.parse.ArticleParser;
import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.HtmlArticleParser;
import io.newsline.article.parse.ParseLimits;
import io.newsline.article.parse.UnparseableArticleException;
import io.newsline.avro.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pages and texts built to stall a parser. Each must end, within the timeout (a hang guard, not a
 * performance target), as a parse result or an {@link UnparseableArticleException} with a reason.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileInputTest {
    private static final ParseStep PARSE = new ParseStep();

    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");
    private static final String P = "<p>The council said on Monday that the bridge over the river would reopen in the"
            + " spring after repairs to its deck, and residents welcomed the news.</p>";
    private static final String LEAD = "The council said on Monday that the bridge over the river would reopen in the"
            + " spring after repairs to its deck, and residents welcomed the news.";

    private static String page(String body) {
        return "<!doctype html><html><head><title>Bridge reopens in spring</title></head><body>" + body
                + "</body></html>";
    }

    private static RawArticle raw(String text, String fileName, String mediaType) {
        return RawArticle.newBuilder()
                .setArticleId("hostile-1")
                .setSourceUri("file:///tmp/" + fileName)
                .setFileName(fileName)
                .setMediaType(mediaType)
                .setCharset("UTF-8")
                .setRawText(text)
                .setSizeBytes(text.length())
                .setFileModifiedAt(null)
                .setIngestedAt(NOW)
                .setProducerHost("test")
                .build();
    }

    private static io.newsline.avro.ParsedArticle parseHtml(String html) {
        return PARSE.parse(raw(html, "page.html", "text/html"));
    }

    @Test
    void twentyThousandNestedDivsKeepTheirText() {
        String html = page("<div>".repeat(20_000) + P + P.replace("Monday", "Tuesday") + "</div>".repeat(20_000));

        io.newsline.avro.ParsedArticle a = parseHtml(html);

        assertThat(a.getTitle()).isEqualTo("Bridge reopens in spring");
        assertThat(a.getBodyParagraphs()).containsExactly(LEAD, LEAD.replace("Monday", "Tuesday"));
    }

    @Test
    void fiveThousandUnclosedInlineTags() {
        String html = page(P + "<b><i><font>x ".repeat(1_700) + P.replace("Monday", "Friday"));

        io.newsline.avro.ParsedArticle a = parseHtml(html);

        assertThat(a.getBodyParagraphs()).first().isEqualTo(LEAD);
        assertThat(String.join(" ", a.getBodyParagraphs())).contains("on Friday");
    }

    @Test
    void deeplyNestedTables() {
        String html = page("<table><tr><td>".repeat(3_000) + P + P + "</td></tr></table>".repeat(3_000));

        assertThat(parseHtml(html).getBodyParagraphs()).containsExactly(LEAD, LEAD);
    }

    @Test
    void aTwentyMegabytePageIsReadFromItsPrefixAndTheBodyIsBounded() {
        String html = page(P.repeat(20_000_000 / P.length()));
        assertThat(html.length()).isGreaterThan(20_000_000);

        io.newsline.avro.ParsedArticle a = parseHtml(html);

        assertThat(a.getTitle()).isEqualTo("Bridge reopens in spring");
        assertThat(a.getBodyParagraphs()).first().isEqualTo(LEAD);
        int chars = a.getBodyParagraphs().stream().mapToInt(String::length).sum();
        assertThat(chars).isLessThanOrEqualTo(ParseLimits.DEFAULT_MAX_BODY_CHARS);
    }

    @Test
    void nulBytesAreRemoved() {
        String html = page(P.replace("bridge", "bri\u0000dge") + "<p>\u0000\u0000</p>" + P);
        io.newsline.avro.ParsedArticle a = parseHtml(html);
        assertThat(a.getBodyParagraphs()).containsExactly(LEAD, LEAD);

        String text = "Bridge\u0000 reopens\n\n" + LEAD.replace(" ", " \u0000") + "\n\n" + "\u0000".repeat(100_000);
        io.newsline.avro.ParsedArticle t = PARSE.parse(raw(text, "a.txt", "text/plain"));
        assertThat(t.getTitle()).isEqualTo("Bridge reopens");
        assertThat(t.getBodyParagraphs()).containsExactly(LEAD);
    }

    @Test
    void aPageOfOnlyNavigationIsRejectedWithAReason() {
        String nav = "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
                + "<li><a href=\"/sport\">Sport</a></li></ul></nav><div class=\"menu\"><a href=\"/a\">About us</a></div>";
        String html = page(nav.repeat(300) + "<footer><a href=\"/c\">Contact</a> <a href=\"/t\">Terms</a></footer>");

        assertThatThrownBy(() -> parseHtml(html))
                .isInstanceOf(UnparseableArticleException.class)
                .hasMessage("article hostile-1 (file:///tmp/page.html) has a headline but no body text");
    }

    @Test
    void aPageTooBigForReadabilityStillYieldsItsBodyWithoutTheChrome() {
        String links = "<li><a href=\"/x\">Another story</a></li>".repeat(25_000);
        String html = page("<nav><ul>" + links + "</ul></nav><article>" + P + P.replace("Monday", "Sunday")
                + "</article><footer>Contact us</footer>");

        assertThat(parseHtml(html).getBodyParagraphs()).containsExactly(LEAD, LEAD.replace("Monday", "Sunday"));
    }

    @Test
    void hostilePlainTextLinesFinish() {
        String sentence = "The council said on Monday that the bridge would reopen. ";
        String[] bodies = {
            sentence.repeat(1_000_000 / sentence.length()), // a 1 MB single line
            ".".repeat(100_000),
            "-".repeat(100_000),
            "a-".repeat(50_000),
            "A. ".repeat(33_000),
            "By ".repeat(33_000),
            "May 13, 2025 10:30 BST ".repeat(5_000),
            " ".repeat(100_000) + "x",
            "\u0000".repeat(100_000),
        };
        for (String body : bodies) {
            String text = "Bridge reopens\n\n" + body + "\n\n" + LEAD + "\n";
            io.newsline.avro.ParsedArticle a = PARSE.parse(raw(text, "a.txt", "text/plain"));
            List<String> paragraphs = a.getBodyParagraphs();
            int chars = paragraphs.stream().mapToInt(String::length).sum();
            assertThat(chars).as(body.substring(0, 10)).isLessThanOrEqualTo(ParseLimits.DEFAULT_MAX_BODY_CHARS);
            if (text.length() < ParseLimits.DEFAULT_MAX_BODY_CHARS) {
                assertThat(paragraphs.get(paragraphs.size() - 1))
                        .as(body.substring(0, 10))
                        .isEqualTo(LEAD);
            } else {
                assertThat(paragraphs.get(0)).startsWith(sentence.strip());
            }
        }
    }

    @Test
    void aTextLongerThanTheLimitIsCutAtALineBreak() {
        ParseLimits limits = new ParseLimits(10_000, 64, 20_000, 512 * 1024);
        String line = "Residents of the town queued on Monday to cross the bridge again.\n";
        String text = "Bridge reopens\n\n" + line.repeat(1_000);

        ArticleParts a = new ArticleParser(limits).parse(text, NOW);

        // 16 chars of headline, then as many whole 66-char lines as fit in 10,000 chars.
        assertThat(a.bodyParagraphs()).hasSize((10_000 - 16) / line.length()).allMatch(p -> p.equals(line.strip()));
    }

    @Test
    void theBodyIsCutAtMaxBodyChars() {
        ParseLimits limits = new ParseLimits(1 << 20, 64, 20_000, 2_000);
        String text = "Bridge reopens\n\n" + (LEAD + "\n\n").repeat(100);

        ArticleParts a = new ArticleParser(limits).parse(text, NOW);

        assertThat(a.bodyText().replace("\n\n", "").length()).isLessThanOrEqualTo(2_000);
        assertThat(a.bodyParagraphs()).hasSizeGreaterThan(5);
    }

    @Test
    void aNormalPageParsesAsBefore() throws IOException {
        String html;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/jsonld-news-article.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        ArticleParts a = new HtmlArticleParser().parse(html, null, NOW);

        // The output of the parser before the limits were added, for the same fixture.
        assertThat(a.title()).isEqualTo("Glacier retreat exposes ancient forest in Norway");
        assertThat(a.dek())
                .isEqualTo("Tree stumps buried for about 4,000 years have emerged from the ice near Bergen.");
        assertThat(a.bylines()).containsExactly("Ingrid Solheim", "Mark Everly");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2025-06-12T05:30:00Z"));
        assertThat(a.removedBoilerplate()).isZero();
        assertThat(a.bodyParagraphs())
                .containsExactly(
                        "Researchers at the University of Bergen have dated tree stumps that emerged this summer from a"
                                + " retreating glacier in western Norway to about 4,000 years ago, when the climate of"
                                + " the region was warmer than it is today.",
                        "The stumps, mostly pine and birch, were found by a hiker in July at the edge of the"
                                + " Nigardsbreen glacier. Samples were sent to a laboratory in Trondheim, where"
                                + " radiocarbon tests confirmed their age.",
                        "\"It is a window into a landscape nobody has seen for four millennia,\" said Astrid"
                                + " Halvorsen, a glaciologist who led the fieldwork. She said the team would return in"
                                + " September to map the site before snow covers it again.",
                        "A fast retreat",
                        "The Norwegian Water Resources and Energy Directorate says the glacier has lost more than a"
                                + " kilometre of length since the middle of the last century, and the pace has"
                                + " quickened over the past decade.",
                        "Scientists warn that similar finds are likely across Scandinavia as ice continues to melt,"
                                + " and they have asked hikers to report what they see rather than take pieces home.");
        // The same page through the fallback extractor (as if it were too big for readability) keeps the body.
        ArticleParts fallback =
                new HtmlArticleParser(new ParseLimits(1 << 22, 64, 100, 1 << 19)).parse(html, null, NOW);
        assertThat(fallback.bodyParagraphs())
                .contains(a.bodyParagraphs().get(0), a.bodyParagraphs().get(5));
    }
}
