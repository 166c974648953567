package io.newsline.article.enrich;

import io.newsline.article.parse.ArticleParser;
import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.Fixtures;
import io.newsline.article.similarity.BodyFingerprint;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Rough per-article cost of parse + fingerprint + enrich on the two seeds; not a test (no timed
 * assertions). Run from the module directory with the test classpath, e.g. {@code java -cp
 * target/classes:target/test-classes io.newsline.article.enrich.EnrichmentTiming}.
 */
public final class EnrichmentTiming {
    private static final int WARM_UP = 3000;
    private static final int MEASURED = 10000;

    private EnrichmentTiming() {}

    public static void main(String[] args) {
        List<String> texts = List.of(Fixtures.seed(Fixtures.SEED_000), Fixtures.seed(Fixtures.SEED_002));
        ArticleParser parser = new ArticleParser();
        ArticleEnricher enricher = new ArticleEnricher();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < WARM_UP; i++) {
            sink += run(texts.get(i % 2), parser, enricher);
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += run(texts.get(i % 2), parser, enricher);
        }
        double wallMicros = (System.nanoTime() - wall) / 1e3 / MEASURED;
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / MEASURED;
        System.out.printf(
                "parse+fingerprint+enrich: %.0f us/article wall, %.0f us/article cpu (%d)%n",
                wallMicros, cpuMicros, sink);
    }

    private static long run(String text, ArticleParser parser, ArticleEnricher enricher) {
        ArticleParts article = parser.parse(text, Fixtures.NOW);
        return BodyFingerprint.of(article).length()
                + enricher.enrich(article).topics().size();
    }
}
