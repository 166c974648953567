package io.newsline.streams.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.avro.DateSource;
import io.newsline.avro.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParseStepHtmlTest {
    private static final ParseStep PARSE = new ParseStep();

    private static final Instant NOW = Instant.parse("2025-09-10T00:00:00Z");
    private static final String BODY =
            "<p>The first paragraph of the story says what happened in Springfield on Monday,"
                    + " and who was there when it did.</p><p>The second paragraph adds a quote from a council officer and"
                    + " some figures about the cost of the repairs to the bridge.</p><p>The third paragraph explains what"
                    + " happens next and when the bridge should reopen to traffic.</p>";

    @Test
    void parseStepRoutesHtmlToTheHtmlParser() {
        String html = "<!doctype html><html><head><meta property=\"og:title\" content=\"Bridge closed\">"
                + "<meta property=\"article:published_time\" content=\"2025-09-03\"></head><body><article>" + BODY
                + "</article></body></html>";
        RawArticle raw = RawArticle.newBuilder()
                .setArticleId("a1")
                .setSourceUri("file:///tmp/bridge.html")
                .setFileName("bridge.html")
                .setMediaType("text/html")
                .setCharset("UTF-8")
                .setRawText(html)
                .setSizeBytes(html.length())
                .setFileModifiedAt(null)
                .setIngestedAt(NOW)
                .setProducerHost("test")
                .build();

        io.newsline.avro.ParsedArticle parsed = PARSE.parse(raw);

        assertThat(parsed.getTitle()).isEqualTo("Bridge closed");
        assertThat(parsed.getDateSource()).isEqualTo(DateSource.TEXT);
        assertThat(parsed.getBodyParagraphs()).hasSize(3).noneMatch(p -> p.contains("<"));
    }
}
