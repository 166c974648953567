package io.newsline.eval;

import io.newsline.article.io.CorpusFiles;
import io.newsline.article.io.DecodedText;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.UnparseableArticleException;
import io.newsline.article.similarity.ArticleSketch;
import io.newsline.article.similarity.Jaccard;
import io.newsline.article.similarity.NearDuplicateIndex;
import io.newsline.article.similarity.NearDuplicateParams;
import io.newsline.article.similarity.Shingles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsline eval-dedup DIR}: runs near-duplicate detection (the algorithm of the topology, in one process:
 * {@link NearDuplicateIndex}) over a directory of article files and prints the pairs it finds; with a truth file,
 * precision, recall and F1 against it. {@code --make-truth} writes that file by brute force: the exact Jaccard
 * similarity of every pair of articles over full 64-bit shingle hashes. {@code --synthetic N} adds N generated near
 * duplicates ({@link SyntheticDuplicates}) and reports recall by kind of edit; {@code --bench} measures CPU time
 * per article of the signature and the lookup.
 */
@Command(
        name = "eval-dedup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluates near-duplicate detection on a directory of article files (recursively; README* files and"
                    + " hidden files are skipped): prints the pairs found and, with --truth, precision, recall and"
                    + " F1. --make-truth writes a truth file by brute-force Jaccard over all pairs.",
            "Example: eval-dedup ../shared/corpus/bbc --synthetic 2225 --make-truth truth.tsv,"
                    + " then eval-dedup ../shared/corpus/bbc --synthetic 2225 --truth truth.tsv"
        })
public final class EvalDedupCommand implements Callable<Integer> {
    static final Path DEFAULT_CORPUS = Path.of("..", "shared", "corpus", "bbc");
    private static final Instant INGESTED = Instant.parse("2025-01-01T00:00:00Z");

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "Directory of article files (default ../shared/corpus/bbc when it exists).")
    Path dir;

    @Option(names = "--truth", paramLabel = "FILE", description = "Truth file (from --make-truth) to score against.")
    Path truth;

    @Option(
            names = "--make-truth",
            paramLabel = "FILE",
            description = "Write the brute-force truth (pairs with similarity >= --truth-floor) to FILE.")
    Path makeTruth;

    @Option(
            names = "--truth-floor",
            defaultValue = "0.2",
            description = "Lowest similarity written by --make-truth (default ${DEFAULT-VALUE}).")
    double truthFloor;

    @Option(
            names = "--synthetic",
            defaultValue = "0",
            paramLabel = "N",
            description = "Add N generated near duplicates of random articles, cycling through the kinds of edit.")
    int synthetic;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of --synthetic (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threshold", description = "Jaccard threshold (default: the app's, 0.5).")
    Double threshold;

    @Option(names = "--bands", description = "LSH bands (default: the app's, 20).")
    Integer bands;

    @Option(names = "--rows", description = "MinHash values per band (default: the app's, 2).")
    Integer rows;

    @Option(names = "--shingle", description = "Words per shingle (default: the app's, 5).")
    Integer shingle;

    @Option(
            names = "--verify",
            defaultValue = "exact",
            description = "How candidates are verified: exact (the app's) or estimate (MinHash estimate, to compare).")
    String verify;

    @Option(names = "--bench", description = "Measure CPU time per article of signature and lookup instead.")
    boolean bench;

    @Option(
            names = "--rounds",
            defaultValue = "7",
            description = "Measured rounds of --bench, after 3 warm-up rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--no-pairs", description = "Do not list the pairs found, only the summary.")
    boolean noPairs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One article: an id (its path under DIR, or a synthetic name) and its clean body. */
    record Doc(String id, List<String> body, SyntheticDuplicates.Edit edit, String baseId) {}

    /** An unordered pair of article ids, smaller first. */
    record Pair(String a, String b) {
        static Pair of(String x, String y) {
            return x.compareTo(y) < 0 ? new Pair(x, y) : new Pair(y, x);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path corpus = dir != null ? dir : DEFAULT_CORPUS;
        if (!Files.isDirectory(corpus)) {
            err.println("eval-dedup: not a directory: " + corpus + (dir == null ? " (pass DIR)" : ""));
            return 2;
        }
        NearDuplicateParams defaults = NearDuplicateParams.defaults(true);
        NearDuplicateParams params = new NearDuplicateParams(
                true,
                shingle != null ? shingle : defaults.shingleSize(),
                bands != null ? bands : defaults.bands(),
                rows != null ? rows : defaults.rows(),
                threshold != null ? threshold : defaults.threshold(),
                defaults.retention());

        List<Doc> docs = new ArrayList<>(load(corpus, err));
        int corpusSize = docs.size();
        if (synthetic > 0) {
            docs.addAll(synthesize(docs, synthetic, seed));
        }
        out.printf(
                Locale.ROOT,
                "%d articles from %s%s; shingles of %d words, %d bands x %d rows (%d hashes), threshold %.2f,"
                        + " %s verification%n",
                corpusSize,
                corpus,
                synthetic > 0 ? " + " + synthetic + " synthetic (seed " + seed + ")" : "",
                params.shingleSize(),
                params.bands(),
                params.rows(),
                params.bands() * params.rows(),
                params.threshold(),
                verify);

        if (bench) {
            bench(docs, params, rounds, out);
            return 0;
        }
        if (makeTruth != null) {
            writeTruth(docs, params.shingleSize(), truthFloor, makeTruth, out);
            return 0;
        }

        ArticleSketch.Sketcher sketcher = new ArticleSketch.Sketcher(params);
        if (!verify.equals("exact") && !verify.equals("estimate")) {
            err.println("eval-dedup: --verify is exact or estimate, not " + verify);
            return 2;
        }
        NearDuplicateIndex index = new NearDuplicateIndex(sketcher, params.threshold(), verify.equals("estimate"));
        Map<Pair, Double> found = new LinkedHashMap<>();
        for (Doc doc : docs) {
            for (NearDuplicateIndex.Match match : index.add(doc.id(), sketcher.sketch(doc.body()))) {
                found.put(Pair.of(match.articleId(), doc.id()), match.similarity());
            }
        }
        if (!noPairs) {
            found.entrySet().stream()
                    .sorted(Map.Entry.<Pair, Double>comparingByValue().reversed())
                    .forEach(pair -> out.printf(
                            Locale.ROOT,
                            "%.3f\t%s\t%s%n",
                            pair.getValue(),
                            pair.getKey().a(),
                            pair.getKey().b()));
        }
        out.printf(
                Locale.ROOT,
                "pairs found: %d (candidates verified: %d, %.3f per article)%n",
                found.size(),
                index.candidatesVerified(),
                (double) index.candidatesVerified() / docs.size());
        if (truth != null) {
            score(docs, found, readTruth(truth), params.threshold(), params.shingleSize(), out);
        }
        out.flush();
        return 0;
    }

    // --- corpus ---

    static List<Doc> load(Path corpus, PrintWriter err) throws IOException {
        ArticleFormats parser = new ArticleFormats();
        List<Doc> docs = new ArrayList<>();
        int unparseable = 0;
        for (Path file : CorpusFiles.list(corpus)) {
            String id = corpus.relativize(file).toString().replace('\\', '/');
            DecodedText text;
            try {
                text = CorpusFiles.read(file);
            } catch (IOException e) {
                err.println("eval-dedup: skipped " + e.getMessage());
                continue;
            }
            try {
                List<String> body = parser.parse(text.text(), id, text.mediaType(), "file:///" + id, INGESTED)
                        .bodyParagraphs();
                if (body.isEmpty()) {
                    unparseable++;
                } else {
                    docs.add(new Doc(id, body, null, null));
                }
            } catch (UnparseableArticleException e) {
                unparseable++;
            }
        }
        if (unparseable > 0) {
            err.println("eval-dedup: skipped " + unparseable + " files without a body");
        }
        return docs;
    }

    static List<Doc> synthesize(List<Doc> corpus, int count, long seed) {
        List<List<String>> bodies = corpus.stream().map(Doc::body).toList();
        SyntheticDuplicates generator = new SyntheticDuplicates(seed, bodies);
        SyntheticDuplicates.Edit[] edits = SyntheticDuplicates.Edit.values();
        List<Doc> variants = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Doc base = corpus.get(generator.random().nextInt(corpus.size()));
            SyntheticDuplicates.Edit edit = edits[i % edits.length];
            String id = "synthetic/" + edit.name().toLowerCase(Locale.ROOT) + "/" + i + "/" + base.id();
            variants.add(new Doc(id, generator.apply(edit, base.body()), edit, base.id()));
        }
        return variants;
    }

    // --- truth ---

    static void writeTruth(List<Doc> docs, int shingleSize, double floor, Path file, PrintWriter out)
            throws IOException {
        long started = System.nanoTime();
        long[][] shingles = docs.parallelStream()
                .map(doc -> Shingles.of64(doc.body(), shingleSize))
                .toArray(long[][]::new);
        List<String> lines = IntStream.range(0, docs.size())
                .parallel()
                .mapToObj(i -> {
                    List<String> pairs = new ArrayList<>();
                    for (int j = i + 1; j < docs.size(); j++) {
                        double similarity = Jaccard.exact(shingles[i], shingles[j]);
                        if (similarity >= floor) {
                            Pair pair = Pair.of(docs.get(i).id(), docs.get(j).id());
                            pairs.add(String.format(Locale.ROOT, "%.6f\t%s\t%s", similarity, pair.a(), pair.b()));
                        }
                    }
                    return pairs;
                })
                .flatMap(List::stream)
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<String> content = new ArrayList<>();
        content.add("# near-duplicate truth: exact Jaccard similarity of 64-bit hashed " + shingleSize
                + "-word shingles of the clean body, every pair of " + docs.size() + " articles, similarity >= "
                + floor);
        content.add("# similarity\tarticle\tarticle");
        content.addAll(lines);
        Files.write(file, content, StandardCharsets.UTF_8);
        out.printf(
                Locale.ROOT,
                "brute force: %d pairs compared in %d ms; %d pairs with similarity >= %.2f written to %s%n",
                (long) docs.size() * (docs.size() - 1) / 2,
                millis,
                lines.size(),
                floor,
                file);
        out.flush();
    }

    static Map<Pair, Double> readTruth(Path file) {
        Map<Pair, Double> pairs = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalArgumentException("not a truth line (similarity TAB id TAB id): " + line);
                }
                pairs.put(Pair.of(fields[1], fields[2]), Double.parseDouble(fields[0]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    // --- scoring ---

    static void score(
            List<Doc> docs,
            Map<Pair, Double> found,
            Map<Pair, Double> truth,
            double threshold,
            int shingleSize,
            PrintWriter out) {
        Set<Pair> positives = new HashSet<>();
        truth.forEach((pair, similarity) -> {
            if (similarity >= threshold) {
                positives.add(pair);
            }
        });
        int truePositives = 0;
        List<Pair> falsePositives = new ArrayList<>();
        for (Pair pair : found.keySet()) {
            if (positives.contains(pair)) {
                truePositives++;
            } else {
                falsePositives.add(pair);
            }
        }
        List<Pair> missed = positives.stream()
                .filter(pair -> !found.containsKey(pair))
                .sorted(byIds())
                .toList();
        double precision = found.isEmpty() ? 1.0 : (double) truePositives / found.size();
        double recall = positives.isEmpty() ? 1.0 : (double) truePositives / positives.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        out.printf(
                Locale.ROOT,
                "truth: %d pairs at or above %.2f; found %d: %d true, %d false, %d missed%n",
                positives.size(),
                threshold,
                found.size(),
                truePositives,
                falsePositives.size(),
                missed.size());
        out.printf(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f%n", precision, recall, f1);
        falsePositives.stream()
                .sorted(byIds())
                .limit(20)
                .forEach(pair -> out.printf(
                        Locale.ROOT,
                        "  false: %s %s (found %.3f, truth %s)%n",
                        pair.a(),
                        pair.b(),
                        found.get(pair),
                        truth.containsKey(pair) ? String.format(Locale.ROOT, "%.3f", truth.get(pair)) : "below floor"));
        missed.stream()
                .limit(20)
                .forEach(pair ->
                        out.printf(Locale.ROOT, "  missed: %s %s (truth %.3f)%n", pair.a(), pair.b(), truth.get(pair)));
        recallByEdit(docs, found, truth, threshold, shingleSize, out);
        recallBySimilarity(found, positives, truth, out);
    }

    private static java.util.Comparator<Pair> byIds() {
        return java.util.Comparator.comparing(Pair::a).thenComparing(Pair::b);
    }

    private static void recallByEdit(
            List<Doc> docs,
            Map<Pair, Double> found,
            Map<Pair, Double> truth,
            double threshold,
            int shingleSize,
            PrintWriter out) {
        Map<SyntheticDuplicates.Edit, int[]> counts = new LinkedHashMap<>();
        Map<SyntheticDuplicates.Edit, double[]> similarity = new LinkedHashMap<>();
        Map<String, Doc> byId = new HashMap<>();
        docs.forEach(doc -> byId.put(doc.id(), doc));
        for (Doc doc : docs) {
            if (doc.edit() == null) {
                continue;
            }
            Pair pair = Pair.of(doc.baseId(), doc.id());
            // Computed here rather than looked up, since the truth file omits pairs below its floor; the shingle
            // size is the truth's (the pair's entry agrees when it is there).
            double exact = truth.containsKey(pair)
                    ? truth.get(pair)
                    : Jaccard.exact(
                            Shingles.of64(byId.get(doc.baseId()).body(), shingleSize),
                            Shingles.of64(doc.body(), shingleSize));
            int[] count = counts.computeIfAbsent(doc.edit(), edit -> new int[3]);
            double[] sum = similarity.computeIfAbsent(doc.edit(), edit -> new double[2]);
            count[0]++;
            sum[0] += exact;
            sum[1] = count[0] == 1 ? exact : Math.min(sum[1], exact);
            if (exact >= threshold) {
                count[1]++;
                if (found.containsKey(pair)) {
                    count[2]++;
                }
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        out.println("synthetic copy vs its original, by edit:");
        out.printf(
                Locale.ROOT,
                "  %-46s %6s %8s %8s %9s %9s %8s%n",
                "edit",
                "pairs",
                "mean J",
                "min J",
                ">= thr",
                "found",
                "recall");
        counts.forEach((edit, count) -> {
            double[] sum = similarity.get(edit);
            out.printf(
                    Locale.ROOT,
                    "  %-46s %6d %8.3f %8.3f %9d %9d %8s%n",
                    edit.label(),
                    count[0],
                    sum[0] / count[0],
                    sum[1],
                    count[1],
                    count[2],
                    count[1] == 0 ? "-" : String.format(Locale.ROOT, "%.4f", (double) count[2] / count[1]));
        });
    }

    private static void recallBySimilarity(
            Map<Pair, Double> found, Set<Pair> positives, Map<Pair, Double> truth, PrintWriter out) {
        double[] edges = {0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0000001};
        out.println("recall by true similarity:");
        for (int i = 0; i + 1 < edges.length; i++) {
            double from = edges[i];
            double to = edges[i + 1];
            long total = positives.stream()
                    .filter(pair -> truth.get(pair) >= from && truth.get(pair) < to)
                    .count();
            long hit = positives.stream()
                    .filter(pair -> truth.get(pair) >= from && truth.get(pair) < to && found.containsKey(pair))
                    .count();
            if (total > 0) {
                out.printf(
                        Locale.ROOT,
                        to > 1.0
                                ? "  [%.2f, %.2f] %6d pairs, recall %.4f%n"
                                : "  [%.2f, %.2f) %6d pairs, recall %.4f%n",
                        from,
                        Math.min(1.0, to),
                        total,
                        (double) hit / total);
            }
        }
    }

    // --- benchmark ---

    static void bench(List<Doc> docs, NearDuplicateParams params, int rounds, PrintWriter out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ArticleSketch.Sketcher sketcher = new ArticleSketch.Sketcher(params);
        int warmup = 3;
        List<double[]> measured = new ArrayList<>();
        long candidates = 0;
        for (int round = 0; round < warmup + Math.max(1, rounds); round++) {
            long start = threads.getCurrentThreadCpuTime();
            ArticleSketch[] sketches = new ArticleSketch[docs.size()];
            for (int i = 0; i < docs.size(); i++) {
                sketches[i] = sketcher.sketch(docs.get(i).body());
            }
            long sketched = threads.getCurrentThreadCpuTime();
            NearDuplicateIndex index = new NearDuplicateIndex(sketcher, params.threshold());
            for (int i = 0; i < docs.size(); i++) {
                index.add(docs.get(i).id(), sketches[i]);
            }
            long looked = threads.getCurrentThreadCpuTime();
            candidates = index.candidatesVerified();
            if (round >= warmup) {
                measured.add(
                        new double[] {(sketched - start) / 1e6 / docs.size(), (looked - sketched) / 1e6 / docs.size()});
            }
        }
        measured.sort(java.util.Comparator.comparingDouble(m -> m[0] + m[1]));
        double[] median = measured.get(measured.size() / 2);
        out.printf(
                Locale.ROOT,
                "CPU per article, median of %d rounds over %d articles (%d candidate pairs verified per round):%n"
                        + "  signature %.4f ms (normalize, shingle, MinHash, band keys)%n"
                        + "  lookup    %.4f ms (band lookup, exact verification of candidates, insert)%n"
                        + "  total     %.4f ms%n",
                measured.size(),
                docs.size(),
                candidates,
                median[0],
                median[1],
                median[0] + median[1]);
        out.flush();
    }
}
