package io.newsline.eval;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.io.DecodedText;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import io.newsline.article.parse.UnparseableArticleException;
import io.newsline.article.story.StoryAssignment;
import io.newsline.article.story.StoryClusterer;
import io.newsline.article.story.StoryFeatureExtractor;
import io.newsline.article.story.StoryFeatures;
import io.newsline.article.story.StoryInput;
import io.newsline.article.story.StoryParams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsline eval-stories [DIR...]}: parses and enriches every article of the DIRs as the app does, runs the online story
 * clustering of the app ({@link StoryClusterer}) over them in a stated order, and prints the number of stories, the
 * CPU time per article of the clustering step, and with a {@code labels.tsv} (ECB+: doc_id, topic, event) B-cubed
 * precision, recall and F1 against its events (one DIR only), without labels a precision proxy (stories that mix
 * corpora or span folders, {@link MixedStories}); {@code --sample N} prints N stories of 3+ articles
 * with their headlines, for a human to judge, and {@code --sample-out FILE} writes them in full ({@link
 * StorySampleFile}).
 */
@Command(
        name = "eval-stories",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Evaluates story clustering on directories of article files: stories found, CPU per article and, when"
                    + " one DIR is given and has a labels.tsv (doc_id, topic, event), B-cubed precision/recall/F1"
                    + " against its events.",
            "Example: eval-stories ../shared/corpus/ecbplus; eval-stories ../shared/corpus/bbc --sample 20;"
                    + " eval-stories ../shared/corpus/bbc ../shared/corpus/reuters --order shuffle --limit 10000"
                    + " --sample 50 --sample-out sample.md"
        })
public final class EvalStoriesCommand implements Callable<Integer> {
    static final Path DEFAULT_CORPUS = Path.of("..", "shared", "corpus", "ecbplus");
    /**
     * The ingest time given to the parser, fixed so that every run is the same: articles without a date in their text
     * get it (as the app gives them the file or ingest time; such dates are no time evidence, see {@link
     * StoryInput#dated()}), and dates printed in the text are accepted up to it (the parser refuses later ones).
     */
    static final Instant INGESTED = Instant.parse("2030-01-01T00:00:00Z");

    @Parameters(
            arity = "0..*",
            paramLabel = "DIR",
            description =
                    "Directories of article files (default ../shared/corpus/ecbplus). With one DIR an article's"
                            + " id is its path under DIR; with several, that path prefixed by the DIR's name (bbc/sport/1.txt).")
    List<Path> dirs = new ArrayList<>();

    @Option(
            names = "--order",
            defaultValue = "id",
            description = "Order the articles are clustered in: id (file path), date (then path) or shuffle"
                    + " (--seed); default ${DEFAULT-VALUE}.")
    String order;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of --order shuffle (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threshold", description = "Similarity to join an open story (default: the app's).")
    Double threshold;

    @Option(names = "--late-threshold", description = "Similarity to join a quiet story (default: the app's).")
    Double lateThreshold;

    @Option(
            names = "--merge-threshold",
            description = "Centroid similarity from which two stories are merged (default: the app's).")
    Double mergeThreshold;

    @Option(
            names = "--summary-terms",
            description = "Centroid terms a story publishes to the matching index (default: the app's).")
    Integer summaryTerms;

    @Option(names = "--sample", defaultValue = "0", description = "Print N stories of 3+ articles (headlines).")
    int sample;

    @Option(
            names = "--sample-out",
            paramLabel = "FILE",
            description = "Also write the --sample stories to FILE (Markdown) for judging: every article's id, date,"
                    + " headline and opening, and what its story shares.")
    Path sampleOut;

    @Option(
            names = "--limit",
            defaultValue = "0",
            description = "Use only the first N articles in --order (0: all); ordered first, so with shuffle a random"
                    + " N of all the DIRs.")
    int limit;

    @Option(
            names = "--sweep",
            description =
                    "Instead of one run, B-cubed F1 for join thresholds 0.15-0.50 (late threshold = join + 0.03).")
    boolean sweep;

    @Option(
            names = "--bench",
            description = "Time the clustering step over 3 warm-up and --rounds measured rounds (median) instead of"
                    + " one cold run.")
    boolean bench;

    @Option(
            names = "--rounds",
            defaultValue = "5",
            description = "Measured rounds of --bench (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--lag",
            defaultValue = "0",
            description = "Simulate the app's asynchrony: a story's changes reach the matching index only after N more"
                    + " articles were decided (in the app: while the keeper's transaction commits and the global"
                    + " store reads it); default ${DEFAULT-VALUE}.")
    int lag;

    @Option(
            names = "--recheck-after",
            defaultValue = "0",
            description = "Simulate the app's recheck delay: a story just founded looks for its twin after N more"
                    + " articles' changes reached the index (in the app: merge.recheck.delay.ms of wall clock), again"
                    + " after 3N and 9N if it found none; default ${DEFAULT-VALUE} (at once, one look).")
    int recheckAfter;

    @Option(
            names = "--instances",
            defaultValue = "0",
            description = "Simulate N app instances, each reading its own decisions before the index shows them"
                    + " (DecidedStories): an article is decided on the instance its id hashes to, and --lag then"
                    + " holds back only the other instances' decisions; default ${DEFAULT-VALUE} (no instance reads"
                    + " its own decisions: every decision waits for the index, the app before DecidedStories).")
    int instances;

    @Option(
            names = "--errors",
            defaultValue = "0",
            paramLabel = "N",
            description = "With labels: also print an error analysis, the N events split into most stories' worth of"
                    + " B-cubed recall and the N stories of several events costing most precision, with the"
                    + " similarity of their parts by feature block, and how many articles print a date read.")
    int errors;

    @Option(
            names = "--features-out",
            paramLabel = "FILE",
            description =
                    "Also write every article's story features to FILE (tab-separated: article id, term, weight; the"
                            + " unit-length vector the matcher compares), for offline analysis such as"
                            + " eval/scripts/story_ceiling.py.")
    Path featuresOut;

    @Option(
            names = "--judged-pairs",
            paramLabel = "FILE",
            description =
                    "Also score the run against pairs of articles a judge saw on one story and called one matter or"
                            + " different matters (tab-separated: article A, article B, same|different, story number;"
                            + " eval/labelling/story-pairs-10k-r12.tsv and -r14.tsv are the 10k judgements): how many are on one"
                            + " story now. A precision proxy for runs without labels, blind to new errors.")
    Path judgedPairs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * One article of the corpus: its id (path under DIR, prefixed by DIR's name when there are several DIRs) and what
     * clustering reads of it.
     */
    record Doc(String id, StoryInput input) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> corpora = dirs.isEmpty() ? List.of(DEFAULT_CORPUS) : List.copyOf(dirs);
        for (Path corpus : corpora) {
            if (!Files.isDirectory(corpus)) {
                err.println("eval-stories: not a directory: " + corpus + (dirs.isEmpty() ? " (pass DIR)" : ""));
                return 2;
            }
        }
        if (!CorpusIds.distinctNames(corpora)) {
            err.println("eval-stories: two DIRs have the same name, so their articles' ids would collide: " + corpora);
            return 2;
        }
        // labels.tsv describes the articles of its own directory only: with several DIRs there is no gold standard
        Path labels = corpora.size() == 1 ? corpora.get(0).resolve("labels.tsv") : null;
        if (sweep && labels == null) {
            err.println("eval-stories: --sweep needs one DIR with a labels.tsv");
            return 2;
        }
        if (sampleOut != null && sample <= 0) {
            err.println("eval-stories: --sample-out needs --sample N");
            return 2;
        }
        List<JudgedPairs.Pair> pairs = null;
        if (judgedPairs != null) {
            if (!Files.isRegularFile(judgedPairs)) {
                err.println("eval-stories: --judged-pairs: not a file: " + judgedPairs
                        + " (the 10k judgements' pairs are eval/labelling/story-pairs-10k-r12.tsv and -r14.tsv)");
                return 2;
            }
            try {
                pairs = JudgedPairs.read(judgedPairs);
            } catch (IOException e) {
                err.println("eval-stories: --judged-pairs: " + e.getMessage());
                return 2;
            }
        }
        StoryParams defaults = StoryParams.defaults();
        StoryParams params = defaults.withThresholds(
                threshold != null ? threshold : defaults.threshold(),
                lateThreshold != null ? lateThreshold : defaults.lateThreshold());
        if (mergeThreshold != null) {
            params = params.withMergeThreshold(mergeThreshold);
        }
        if (summaryTerms != null) {
            params = params.withSummaryTerms(summaryTerms);
        }
        List<Doc> docs = load(corpora, err);
        if (!order(docs, order, seed)) {
            err.println("eval-stories: --order is id, date or shuffle, not " + order);
            return 2;
        }
        docs = limit(docs, limit);
        if (sweep) {
            Map<String, String> gold = readLabels(labels);
            for (int t = 15; t <= 50; t += 5) {
                StoryParams p = params.withThresholds(t / 100.0, Math.min(1, t / 100.0 + 0.03));
                Result r = cluster(docs, p, lag, recheckAfter, instances);
                BCubed score = BCubed.score(r.docStory(), gold);
                out.printf(
                        Locale.ROOT,
                        "threshold %.2f late %.2f: stories %d  precision %.4f  recall %.4f  F1 %.4f%n",
                        p.threshold(),
                        p.lateThreshold(),
                        score.clusters(),
                        score.precision(),
                        score.recall(),
                        score.f1());
                out.flush();
            }
            return 0;
        }
        Result result = cluster(docs, params, lag, recheckAfter, instances);
        if (bench) {
            List<Result> measured = new ArrayList<>();
            for (int i = 0; i < 3 + rounds; i++) {
                Result r = cluster(docs, params, lag, recheckAfter, instances);
                if (i >= 3) {
                    measured.add(r);
                }
            }
            measured.sort(Comparator.comparingLong(r -> r.featureNanos + r.assignNanos));
            result = measured.get(measured.size() / 2);
        }
        out.printf(
                Locale.ROOT,
                "%d articles from %s, order %s%s; threshold %.2f, late threshold %.2f, open for %d days, merge"
                        + " threshold %.2f; index lag %d articles, recheck after %d%s%n",
                docs.size(),
                corpora.size() == 1 ? corpora.get(0) : corpora,
                order,
                order.equals("shuffle") ? " (seed " + seed + ")" : "",
                params.threshold(),
                params.lateThreshold(),
                params.openFor().toDays(),
                params.mergeThreshold(),
                lag,
                recheckAfter,
                instances > 0 ? "; " + instances + " instances reading their own decisions" : "");
        Map<String, List<String>> byStory = result.byStory();
        long multi = byStory.values().stream().filter(l -> l.size() >= 3).count();
        long singletons = byStory.values().stream().filter(l -> l.size() == 1).count();
        out.printf(
                Locale.ROOT,
                "stories: %d (%d of 3+ articles, %d single articles); largest %d articles; %d merges; %d articles"
                        + " decided onto a story already merged (sent on)%n",
                byStory.size(),
                multi,
                singletons,
                byStory.values().stream().mapToInt(List::size).max().orElse(0),
                result.merges,
                result.redirected);
        String summary = summary(docs.size(), byStory);
        out.println(summary);
        if (MixedStories.applies(result.storyOf.keySet(), corpora.size() > 1)) {
            out.println(MixedStories.of(byStory, corpora.size() > 1).line());
        }
        if (pairs != null) {
            out.println(JudgedPairs.score(pairs, result.storyOf).line());
        }
        out.printf(
                Locale.ROOT,
                "clustering CPU per article%s: %.3f ms (features %.3f ms + assignment %.3f ms); %.1f candidate"
                        + " stories per article%n",
                bench
                        ? " (median of " + rounds + " rounds after 3 warm-up rounds)"
                        : " (one cold run; --bench to warm up)",
                (result.featureNanos + result.assignNanos) / 1e6 / docs.size(),
                result.featureNanos / 1e6 / docs.size(),
                result.assignNanos / 1e6 / docs.size(),
                (double) result.candidates / docs.size());
        // The number block's weight in the vectors (unit length): what a story kept without numbers misses of a
        // similarity (docs/stories.md, "Limits").
        out.printf(
                Locale.ROOT,
                "features per article: %.1f terms, of them %.1f numbers (%.3f of the squared length)%n",
                (double) result.terms / docs.size(),
                (double) result.numberTerms / docs.size(),
                result.numberSquares / docs.size());
        if (labels != null && Files.isRegularFile(labels)) {
            Map<String, String> gold = readLabels(labels);
            BCubed score = BCubed.score(result.docStory(), gold);
            out.printf(
                    Locale.ROOT,
                    "B-cubed against %s events (%d articles, %d events): precision %.4f  recall %.4f  F1 %.4f%n",
                    labels.getFileName(),
                    score.items(),
                    score.classes(),
                    score.precision(),
                    score.recall(),
                    score.f1());
            if (errors > 0) {
                StoryFeatureExtractor extractor = new StoryFeatureExtractor(params);
                Map<String, StoryFeatures> features = new HashMap<>();
                Map<String, Boolean> dated = new HashMap<>();
                for (Doc d : docs) {
                    features.put(docId(d.id()), extractor.extract(d.input()));
                    dated.put(docId(d.id()), d.input().dated());
                }
                new StoryErrors(result.docStory(), gold, features).print(errors, dated, out);
            }
        }
        if (featuresOut != null) {
            writeFeatures(docs, new StoryFeatureExtractor(params), featuresOut);
            out.println("features written to " + featuresOut);
        }
        if (sample > 0) {
            List<String> sampled = sampleStories(byStory, sample, seed);
            printSample(docs, byStory, sampled, seed, out);
            if (sampleOut != null) {
                new StorySampleFile(params).write(sampleOut, commandLine(), summary, docs, byStory, sampled);
                out.println("sample written to " + sampleOut);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The one-line summary of a run: {@code summary: N articles, S stories, M of 3+ articles, largest L articles
     * (story-id)}; the largest story is named so that it can be looked at (the first it finds on a tie).
     */
    static String summary(int articles, Map<String, List<String>> byStory) {
        Map.Entry<String, List<String>> largest = byStory.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElse(null);
        return String.format(
                Locale.ROOT,
                "summary: %d articles, %d stories, %d of 3+ articles, largest %d articles%s",
                articles,
                byStory.size(),
                byStory.values().stream().filter(l -> l.size() >= 3).count(),
                largest == null ? 0 : largest.getValue().size(),
                largest == null ? "" : " (" + largest.getKey() + ")");
    }

    /**
     * Writes each article's feature vector, one line per term ({@code article id TAB term TAB weight}; the id as the
     * sample prints it, its path under DIR, so that files of several folders stay apart), the articles in clustering
     * order and each one's terms sorted, so that two runs over the same corpus write the same lines.
     */
    static void writeFeatures(List<Doc> docs, StoryFeatureExtractor extractor, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Doc doc : docs) {
                String id = doc.id();
                for (Map.Entry<String, Double> term :
                        new TreeMap<>(extractor.extract(doc.input()).vector()).entrySet()) {
                    // A term is a feature key (`e:`, `k:`, `t:`, `b:`, `n:` and words): no tab or line break.
                    w.write(id + '\t' + term.getKey() + '\t' + term.getValue() + '\n');
                }
            }
        }
    }

    /** This run's command line as typed ({@code eval-stories DIR... options}), for the sample file. */
    private String commandLine() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0); // run as a subcommand of the CLI, the parse result starts with the subcommand's name
        }
        return spec.name() + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    /** The first {@code limit} articles in their current order (all when 0): call it after {@link #order}. */
    static List<Doc> limit(List<Doc> ordered, int limit) {
        return limit > 0 && ordered.size() > limit ? ordered.subList(0, limit) : ordered;
    }

    /**
     * Parses and enriches every article file of the {@code corpora}; with more than one, ids carry the corpus's name
     * ({@link CorpusIds}).
     */
    static List<Doc> load(List<Path> corpora, PrintWriter err) throws IOException {
        ArticleFormats parser = new ArticleFormats();
        ArticleEnricher enricher = new ArticleEnricher();
        List<Doc> docs = new ArrayList<>();
        for (Path corpus : corpora) {
            load(corpus, CorpusIds.prefix(corpus, corpora.size()), parser, enricher, docs, err);
        }
        return docs;
    }

    /** Parses and enriches every article file of {@code corpus} (files without a body are skipped). */
    static List<Doc> load(Path corpus, PrintWriter err) throws IOException {
        return load(List.of(corpus), err);
    }

    private static void load(
            Path corpus,
            String idPrefix,
            ArticleFormats parser,
            ArticleEnricher enricher,
            List<Doc> docs,
            PrintWriter err)
            throws IOException {
        int skipped = 0;
        for (Path file : CorpusFiles.list(corpus)) {
            String id = idPrefix + corpus.relativize(file).toString().replace('\\', '/');
            try {
                DecodedText text = CorpusFiles.read(file);
                ArticleParts parts = parser.parse(text.text(), id, text.mediaType(), "file:///" + id, INGESTED);
                if (parts.bodyParagraphs().isEmpty()) {
                    skipped++;
                    continue;
                }
                Enrichment enrichment = enricher.enrich(parts);
                Instant date = parts.hasPublishedAt() ? parts.publishedAt() : INGESTED;
                docs.add(new Doc(
                        id,
                        StoryInput.of(
                                id,
                                date.toEpochMilli(),
                                parts.hasPublishedAt(),
                                parts.title(),
                                parts.bodyParagraphs(),
                                enrichment)));
            } catch (IOException | UnparseableArticleException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            err.println("eval-stories: skipped " + skipped + " files without a body"
                    + (idPrefix.isEmpty() ? "" : " in " + corpus));
        }
    }

    static boolean order(List<Doc> docs, String order, long seed) {
        switch (order) {
            case "id" -> docs.sort(Comparator.comparing(Doc::id));
            case "date" ->
                docs.sort(Comparator.comparingLong((Doc d) -> d.input().publishedAt())
                        .thenComparing(Doc::id));
            case "shuffle" -> {
                docs.sort(Comparator.comparing(Doc::id));
                Collections.shuffle(docs, new Random(seed));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** What one clustering run produced. */
    static final class Result {
        final Map<String, String> storyOf = new LinkedHashMap<>();
        long featureNanos;
        long assignNanos;
        long candidates;
        // Feature terms of all articles, of them numbers (n:), and the numbers' part of the squared lengths.
        long terms;
        long numberTerms;
        double numberSquares;
        int merges;
        int redirected;

        /** Article (path) -> story id. */
        Map<String, String> docStory() {
            Map<String, String> byDocId = new HashMap<>();
            storyOf.forEach((path, story) -> byDocId.put(docId(path), story));
            return byDocId;
        }

        /** Story id -> its articles, in clustering order. */
        Map<String, List<String>> byStory() {
            Map<String, List<String>> stories = new LinkedHashMap<>();
            storyOf.forEach((doc, story) ->
                    stories.computeIfAbsent(story, s -> new ArrayList<>()).add(doc));
            return stories;
        }
    }

    /**
     * Runs the clustering over {@code docs} in their order, timing the clustering step on this thread's CPU clock,
     * with the index lagging {@code lag} articles behind (on {@code instances} simulated instances that read their own
     * decisions; 0: none does); an article's story is the one its story ends in after the merges of the whole run.
     */
    static Result cluster(List<Doc> docs, StoryParams params, int lag, int recheckAfter, int instances) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StoryClusterer clusterer = new StoryClusterer(params, lag, recheckAfter, instances);
        Result result = new Result();
        Map<String, String> assigned = new LinkedHashMap<>();
        for (Doc doc : docs) {
            long t0 = threads.getCurrentThreadCpuTime();
            StoryFeatures features = clusterer.features(doc.input());
            long t1 = threads.getCurrentThreadCpuTime();
            StoryAssignment assignment = clusterer.assign(features);
            long t2 = threads.getCurrentThreadCpuTime();
            result.featureNanos += t1 - t0;
            result.assignNanos += t2 - t1;
            result.candidates += assignment.candidates();
            result.terms += features.vector().size();
            features.vector().forEach((term, weight) -> {
                if (term.startsWith("n:")) {
                    result.numberTerms++;
                    result.numberSquares += weight * weight;
                }
            });
            assigned.put(doc.id(), assignment.storyId());
        }
        clusterer.finish();
        assigned.forEach((doc, story) -> result.storyOf.put(doc, clusterer.resolve(story)));
        result.merges = clusterer.merges();
        result.redirected = clusterer.redirected();
        return result;
    }

    /** {@code 1_10ecb.txt} -> {@code 1_10ecb}: the labels' doc id is the file name without directory and extension. */
    public static String docId(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** doc_id -> event, from a labels.tsv with a header line {@code doc_id topic event}. */
    public static Map<String, String> readLabels(Path labels) throws IOException {
        Map<String, String> gold = new HashMap<>();
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            if (fields.length >= 3) {
                gold.put(fields[0].strip(), fields[2].strip());
            }
        }
        return gold;
    }

    /** {@code count} stories of 3+ articles, drawn with {@code seed} (all of them when there are fewer). */
    static List<String> sampleStories(Map<String, List<String>> byStory, int count, long seed) {
        List<String> big = new ArrayList<>();
        byStory.forEach((story, members) -> {
            if (members.size() >= 3) {
                big.add(story);
            }
        });
        Collections.shuffle(big, new Random(seed));
        return List.copyOf(big.subList(0, Math.min(count, big.size())));
    }

    private static void printSample(
            List<Doc> docs, Map<String, List<String>> byStory, List<String> sampled, long seed, PrintWriter out) {
        Map<String, Doc> byId = new HashMap<>();
        docs.forEach(d -> byId.put(d.id(), d));
        long big = byStory.values().stream().filter(l -> l.size() >= 3).count();
        out.printf(Locale.ROOT, "%nsample: %d of %d stories of 3+ articles (seed %d)%n", sampled.size(), big, seed);
        for (String story : sampled) {
            List<String> members = byStory.get(story);
            out.printf(Locale.ROOT, "%n%s  (%d articles)%n", story, members.size());
            for (String id : members.subList(0, Math.min(8, members.size()))) {
                Doc d = byId.get(id);
                out.printf(
                        Locale.ROOT,
                        "  %s  %-28s %s%n",
                        Instant.ofEpochMilli(d.input().publishedAt())
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate(),
                        id,
                        d.input().title());
            }
            if (members.size() > 8) {
                out.printf(Locale.ROOT, "  ... %d more%n", members.size() - 8);
            }
        }
    }
}
