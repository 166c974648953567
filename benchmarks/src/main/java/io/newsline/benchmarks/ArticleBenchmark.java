package io.newsline.benchmarks;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-article cost of the topology's parse and enrich steps on the bundled fixtures (written for this
 * module, no corpus text): {@code seed-style.txt} (headline repeated, date and byline line, sub-heads,
 * {@code Recent posts} and share lines, 660 words), {@code bbc-style.txt} (headline on line 1, 430 words) and
 * {@code news-page.html} (a 34 KB saved news page: metas, JSON-LD, navigation, cookie banner, ads, related
 * links, inline CSS and scripts around a 700-word article).
 *
 * <p>{@code parse}: {@link ArticleFormats} (plain-text rules, or jsoup + readability4j for HTML). {@code
 * enrich}: {@link ArticleEnricher} on the parsed article (language, entities, TF-IDF keywords, topics,
 * summary). {@code parseAndEnrich}: both, as the topology does for each record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class ArticleBenchmark {
    static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");

    @Param({"seed-style.txt", "bbc-style.txt", "news-page.html"})
    public String fixture;

    private final ArticleFormats formats = new ArticleFormats();
    private final ArticleEnricher enricher = new ArticleEnricher();
    private String raw;
    private ArticleParts parsed;

    @Setup
    public void load() {
        raw = resource(fixture);
        parsed = parse();
        Enrichment e = enricher.enrich(parsed);
        if (parsed.bodyParagraphs().isEmpty() || e.topics().isEmpty()) {
            throw new IllegalStateException(fixture + ": no body or no topics, nothing worth measuring");
        }
    }

    @Benchmark
    public ArticleParts parse() {
        return formats.parse(raw, fixture, null, null, NOW);
    }

    @Benchmark
    public Enrichment enrich() {
        return enricher.enrich(parsed);
    }

    @Benchmark
    public Enrichment parseAndEnrich() {
        return enricher.enrich(formats.parse(raw, fixture, null, null, NOW));
    }

    static String resource(String name) {
        try (InputStream in = ArticleBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
