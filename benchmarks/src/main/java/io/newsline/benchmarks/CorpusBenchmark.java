package io.newsline.benchmarks;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.parse.ArticleFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Parse + enrich per article over a sample of a corpus directory read in place (never copied): every
 * {@code .txt}, {@code .html}, {@code .htm} file under {@code corpus} (also {@code .gz}), sorted, {@code
 * sample} of them evenly spaced. Each operation handles the next article of the sample, so the score is the
 * mean over the sample.
 *
 * <p>The default {@code corpus} values are the BBC plain-text corpus and the html-gold pages of {@code
 * ../shared/corpus}, relative to the working directory (run from the repository root). Without the corpus
 * this benchmark fails in its setup with a message and the others still run; pass another directory with
 * {@code -p corpus=DIR}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Thread)
public class CorpusBenchmark {
    @Param({"../shared/corpus/bbc", "../shared/corpus/html-gold/html"})
    public String corpus;

    @Param({"200"})
    public int sample;

    private final ArticleFormats formats = new ArticleFormats();
    private final ArticleEnricher enricher = new ArticleEnricher();
    private List<String> names;
    private List<String> texts;
    private int next;

    @Setup
    public void load() throws IOException {
        Path dir = Path.of(corpus);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath().normalize()
                    + " not found: run from the repository root with ../shared/corpus present, or pass -p corpus=DIR");
        }
        List<Path> files = CorpusFiles.list(dir);
        if (files.isEmpty()) {
            throw new IllegalStateException("no .txt / .html / .htm files under " + dir);
        }
        int n = Math.min(sample, files.size());
        names = new ArrayList<>(n);
        texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Path f = files.get((int) ((long) i * files.size() / n));
            String name = f.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
            String text = CorpusFiles.text(f);
            try {
                formats.parse(text, name, null, null, ArticleBenchmark.NOW);
            } catch (RuntimeException e) {
                continue; // unparseable: the topology dead-letters it; not part of the per-article cost
            }
            names.add(name);
            texts.add(text);
        }
        System.out.printf("%n%s: %d of %d files%n", dir, texts.size(), files.size());
    }

    @Benchmark
    public Enrichment parseAndEnrich() {
        int i = next;
        next = i + 1 == texts.size() ? 0 : i + 1;
        return enricher.enrich(formats.parse(texts.get(i), names.get(i), null, null, ArticleBenchmark.NOW));
    }
}
