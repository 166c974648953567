package io.newsline.streams.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsline.avro.ParsedArticle;
import io.newsline.avro.RawArticle;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EnrichStepFailureTest {
    private static ParsedArticle article(String body) {
        String text = "Bridge reopens in spring\n\n" + body + "\n";
        return new ParseStep()
                .parse(RawArticle.newBuilder()
                        .setArticleId("e-7")
                        .setSourceUri("file:///tmp/e.txt")
                        .setFileName("e.txt")
                        .setMediaType("text/plain")
                        .setCharset("UTF-8")
                        .setRawText(text)
                        .setSizeBytes(text.length())
                        .setFileModifiedAt(null)
                        .setIngestedAt(Instant.parse("2025-11-23T12:00:00Z"))
                        .setProducerHost("test")
                        .build());
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aStackOverflowBecomesAnEnrichmentFailureNamingTheArticle() {
        assertThatThrownBy(() -> new EnrichStep(text -> {
                            recurse(0);
                            return null;
                        })
                        .enrich(article("The council met on Monday.")))
                .isInstanceOf(EnrichmentFailedException.class)
                .isInstanceOf(RuntimeException.class)
                .hasMessageStartingWith(
                        "article e-7 (file:///tmp/e.txt): enrichment failed: java.lang.StackOverflowError")
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void anExceptionBecomesAnEnrichmentFailureButOutOfMemoryPropagates() {
        assertThatThrownBy(() -> new EnrichStep(text -> {
                            throw new IllegalArgumentException("bad");
                        })
                        .enrich(article("The council met on Monday.")))
                .isInstanceOf(EnrichmentFailedException.class)
                .hasMessage(
                        "article e-7 (file:///tmp/e.txt): enrichment failed: java.lang.IllegalArgumentException: bad");
        assertThatThrownBy(() -> new EnrichStep(text -> {
                            throw new OutOfMemoryError();
                        })
                        .enrich(article("The council met on Monday.")))
                .isExactlyInstanceOf(OutOfMemoryError.class);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aLongHyphenatedRunNoLongerOverflowsTheTokenizer() {
        ParsedArticle a = article("The council met on Monday.\n\n" + "a-".repeat(50_000) + "b");

        assertThat(new EnrichStep().enrich(a).getWordCount()).isEqualTo(6);
    }
}
