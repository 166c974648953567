package io.newsline.benchmarks;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time per article of each stage, parse and enrich, over whole corpus directories read in place:
 * single thread, thread CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) around each call, so
 * waiting for a core on a shared machine does not count, and the process CPU time of the measured passes
 * (GC and JIT threads included) for comparison. JMH's {@link CorpusBenchmark} gives a mean per sample; this
 * gives the mean and the tail (p50, p99, max) per stage over every article, which is what a CPU budget per
 * article is held against.
 *
 * <pre>
 * mvn -B -Pbench -pl benchmarks -am package -DskipTests
 * java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar io.newsline.benchmarks.StageCpu \
 *     [--warmup N] [--passes N] [--dump FILE] [DIR...]
 * </pre>
 *
 * <p>Defaults: {@code ../shared/corpus/bbc} and {@code ../shared/corpus/reuters} (run from the repository
 * root), 2 warm-up passes over all articles (not measured: the JIT compiles the hot paths), then 3
 * measured passes. {@code --dump FILE} first writes each article's parse and enrichment output, one line
 * per article, to compare two builds with {@code diff}. Files that do not parse are left out (the topology dead-letters them).
 */
public final class StageCpu {
    private StageCpu() {}

    public static void main(String[] args) throws IOException {
        int warmup = 2;
        int passes = 3;
        Path dump = null;
        List<Path> dirs = new ArrayList<>();
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++a]);
                case "--passes" -> passes = Integer.parseInt(args[++a]);
                case "--dump" -> dump = Path.of(args[++a]);
                default -> dirs.add(Path.of(args[a]));
            }
        }
        if (dirs.isEmpty()) {
            dirs = List.of(Path.of("../shared/corpus/bbc"), Path.of("../shared/corpus/reuters"));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        ArticleFormats formats = new ArticleFormats();
        ArticleEnricher enricher = new ArticleEnricher();

        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int skipped = 0;
        long chars = 0;
        for (Path dir : dirs) {
            for (Path f : files(dir)) {
                String name = f.getFileName().toString().replaceFirst("(?i)\\.gz$", "");
                String text = CorpusFiles.text(f);
                try {
                    formats.parse(text, name, null, null, ArticleBenchmark.NOW);
                } catch (RuntimeException e) {
                    skipped++;
                    continue;
                }
                names.add(name);
                texts.add(text);
                chars += text.length();
            }
        }
        int n = texts.size();
        System.out.printf(
                Locale.ROOT,
                "%s: %d articles (mean %d chars), %d unparseable left out; %d warm-up + %d measured passes%n",
                dirs,
                n,
                n == 0 ? 0 : chars / n,
                skipped,
                warmup,
                passes);
        if (n == 0) {
            throw new IllegalStateException("no articles under " + dirs);
        }

        if (dump != null) {
            dump(dump, formats, enricher, names, texts);
        }
        long sink = 0;
        for (int p = 0; p < warmup; p++) {
            for (int i = 0; i < n; i++) {
                sink += enricher.enrich(formats.parse(texts.get(i), names.get(i), null, null, ArticleBenchmark.NOW))
                        .wordCount();
            }
        }
        long[] parse = new long[n * passes];
        long[] enrich = new long[n * passes];
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long process = processCpuNanos();
        long wall = System.nanoTime();
        int k = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < n; i++, k++) {
                long t0 = threads.getCurrentThreadCpuTime();
                ArticleParts parsed = formats.parse(texts.get(i), names.get(i), null, null, ArticleBenchmark.NOW);
                long t1 = threads.getCurrentThreadCpuTime();
                sink += enricher.enrich(parsed).wordCount();
                long t2 = threads.getCurrentThreadCpuTime();
                parse[k] = t1 - t0;
                enrich[k] = t2 - t1;
            }
        }
        double wallUs = (System.nanoTime() - wall) / 1e3 / k;
        double processUs = (processCpuNanos() - process) / 1e3 / k;
        long[] total = new long[k];
        for (int i = 0; i < k; i++) {
            total[i] = parse[i] + enrich[i];
        }
        System.out.printf(
                Locale.ROOT,
                "load average %.2f before, %.2f after%n",
                load,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-16s %9s %9s %9s %9s%n", "thread CPU, us", "mean", "p50", "p99", "max");
        row("parse", parse);
        row("enrich", enrich);
        row("parse+enrich", total);
        System.out.printf(
                Locale.ROOT,
                "process CPU %.1f us/article (GC and JIT threads included), wall %.1f us/article (%d)%n",
                processUs,
                wallUs,
                sink % 10);
    }

    /**
     * Writes what parsing and enriching each article gives, one line per article, so that two builds can
     * be compared with {@code diff}: a change meant to save CPU should not change these lines.
     */
    private static void dump(
            Path file, ArticleFormats formats, ArticleEnricher enricher, List<String> names, List<String> texts)
            throws IOException {
        List<String> lines = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            ArticleParts a = formats.parse(texts.get(i), names.get(i), null, null, ArticleBenchmark.NOW);
            lines.add(names.get(i) + "\t" + a.title() + "\t" + a.dek() + "\t" + a.bylines() + "\t" + a.publishedAt()
                    + "\t" + a.bodyParagraphs().size() + "\t"
                    + Integer.toHexString(a.bodyText().hashCode())
                    + "\t" + enricher.enrich(a));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + lines.size() + " lines to " + file);
    }

    private static void row(String stage, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        System.out.printf(
                Locale.ROOT,
                "%-16s %9.1f %9.1f %9.1f %9.1f%n",
                stage,
                mean,
                percentile(sorted, 0.50) / 1e3,
                percentile(sorted, 0.99) / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath().normalize()
                    + " not found: run from the repository root with ../shared/corpus present, or pass directories");
        }
        return CorpusFiles.list(dir);
    }
}
