package io.newsline.streams.articles;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.article.parse.UnparseableArticleException;
import io.newsline.avro.RawArticle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ParseStepFailureTest {
    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");

    private static RawArticle raw() {
        return RawArticle.newBuilder()
                .setArticleId("a-42")
                .setSourceUri("file:///tmp/a.html")
                .setFileName("a.html")
                .setMediaType("text/html")
                .setCharset("UTF-8")
                .setRawText("<html><body><p>text</p></body></html>")
                .setSizeBytes(10)
                .setFileModifiedAt(null)
                .setIngestedAt(NOW)
                .setProducerHost("test")
                .build();
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aStackOverflowOfOneRecordBecomesAnUnparseableArticle() {
        assertThatThrownBy(() -> new ParseStep((text, name, type, uri, now) -> {
                            recurse(0);
                            return null;
                        })
                        .parse(raw()))
                .isInstanceOf(UnparseableArticleException.class)
                .hasMessageStartingWith(
                        "article a-42 (file:///tmp/a.html): parsing failed: java.lang.StackOverflowError")
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void anyExceptionOrOtherErrorBecomesAnUnparseableArticle() {
        assertThatThrownBy(() -> new ParseStep((text, name, type, uri, now) -> {
                            throw new IllegalStateException("boom");
                        })
                        .parse(raw()))
                .isInstanceOf(UnparseableArticleException.class)
                .hasMessage("article a-42 (file:///tmp/a.html): parsing failed: java.lang.IllegalStateException: boom");
        assertThatThrownBy(() -> new ParseStep((text, name, type, uri, now) -> {
                            throw new AssertionError("bad state");
                        })
                        .parse(raw()))
                .isInstanceOf(UnparseableArticleException.class)
                .hasMessageContaining("java.lang.AssertionError: bad state");
    }

    @Test
    void outOfMemoryIsNotARecordFailure() {
        assertThatThrownBy(() -> new ParseStep((text, name, type, uri, now) -> {
                            throw new OutOfMemoryError("heap");
                        })
                        .parse(raw()))
                .isExactlyInstanceOf(OutOfMemoryError.class);
    }
}
