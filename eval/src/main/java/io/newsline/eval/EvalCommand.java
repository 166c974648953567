package io.newsline.eval;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.parse.ArticleFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsline eval}: precision, recall and F1 per field of parsing and enrichment over labelled articles. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Runs parsing and enrichment over labelled articles and prints precision, recall and F1 per field.",
            "DIR: article files (.txt, .html, .htm, optionally .gz) with a sidecar NAME.json of expected fields",
            "(format: docs/evaluation.md). --corpus DIR evaluates DIR/html-gold (body text: our word overlap and the",
            "benchmark's own 4-gram score as body-benchmark; headlines against the bundled labels) and DIR/bbc",
            "(headline on line 1; entities of the hand-labelled articles)."
        })
public final class EvalCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Labelled directories.")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--corpus", paramLabel = "DIR", description = "A corpus directory with html-gold/ and/or bbc/.")
    Path corpus;

    @Option(names = "--html-gold", paramLabel = "DIR", description = "The html-gold corpus directory.")
    Path htmlGold;

    @Option(names = "--bbc", paramLabel = "DIR", description = "The BBC corpus directory.")
    Path bbc;

    @Option(
            names = "--bbc-labels",
            paramLabel = "FILE",
            description = "Labels for BBC articles keyed by relative path (default: the bundled 50).")
    Path bbcLabels;

    @Option(
            names = "--fail-under",
            paramLabel = "FIELD.METRIC=VALUE",
            description =
                    "Exit 1 when a score is lower, e.g. body.f1=0.93, title.accuracy=0.98, entities.precision=0.9.")
    Map<String, Double> failUnder = new LinkedHashMap<>();

    @Option(
            names = "--entities",
            paramLabel = "DIR",
            description = "A corpus directory (bbc/, reuters/, html-gold/ground-truth.json): score entities and key"
                    + " subjects against the bundled labels/entities.json (always with --corpus).")
    Path entities;

    @Option(
            names = "--date-forms",
            description = "Also score the bundled plain-text date lines of every form (always with --corpus).")
    boolean dateForms;

    @Option(names = "--verbose", description = "Print every mismatch.")
    boolean verbose;

    @Option(
            names = "--per-page",
            description = "html-gold: print the benchmark's precision, recall and F1 of every page, worst first.")
    boolean perPage;

    @Option(
            names = "--predictions",
            paramLabel = "FILE",
            description = "html-gold: write the extracted bodies as {id: {articleBody}}, the benchmark's"
                    + " prediction format (for its own evaluate.py).")
    Path predictions;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        Evaluator evaluator = new Evaluator();
        List<EvalReport> reports = new ArrayList<>();
        if (corpus != null) {
            if (htmlGold == null && Files.isDirectory(corpus.resolve("html-gold"))) {
                htmlGold = corpus.resolve("html-gold");
            }
            if (bbc == null && Files.isDirectory(corpus.resolve("bbc"))) {
                bbc = corpus.resolve("bbc");
            }
        }
        for (Path dir : directories) {
            reports.add(evaluator.labelledDirectory(dir));
        }
        if (dateForms || corpus != null) {
            reports.add(evaluator.dateForms());
        }
        if (htmlGold != null) {
            reports.add(evaluator.htmlGold(htmlGold));
        }
        if (bbc != null) {
            Map<String, Label> labels;
            if (bbcLabels != null) {
                try (InputStream in = Files.newInputStream(bbcLabels)) {
                    labels = Evaluator.labelIndex(in);
                }
            } else {
                labels = Evaluator.bundledBbcLabels();
            }
            reports.add(evaluator.bbc(bbc, labels));
        }
        if (entities == null && corpus != null) {
            entities = corpus;
        }
        if (entities != null) {
            reports.addAll(new EntityEvaluation(new ArticleFormats(), new ArticleEnricher()).evaluate(entities));
        }
        if (reports.isEmpty()) {
            System.err.println(
                    "Nothing to evaluate: give a labelled DIR, --corpus, --html-gold, --bbc, --entities or --date-forms.");
            return 2;
        }
        for (EvalReport r : reports) {
            r.print(out, verbose);
            if (perPage) {
                r.printPages(out);
            }
            if (predictions != null && !r.predictions().isEmpty()) {
                Map<String, Map<String, String>> json = new LinkedHashMap<>();
                r.predictions().forEach((id, body) -> json.put(id, Map.of("articleBody", body)));
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValue(predictions.toFile(), json);
            }
        }
        int failed = 0;
        for (Map.Entry<String, Double> t : failUnder.entrySet()) {
            for (EvalReport r : reports) {
                Double value = metric(r, t.getKey());
                if (value != null && value < t.getValue()) {
                    System.err.printf(Locale.ROOT, "%s: %s = %.3f < %.3f%n", r.name(), t.getKey(), value, t.getValue());
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** {@code field.metric} of a report (metric: precision, recall, f1, accuracy), or null if not scored. */
    static Double metric(EvalReport report, String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("expected FIELD.METRIC, got " + key);
        }
        FieldScore s = report.score(key.substring(0, dot));
        if (s == null) {
            return null;
        }
        switch (key.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "precision":
            case "p":
                return s.precision();
            case "recall":
            case "r":
                return s.recall();
            case "f1":
                return s.f1();
            case "accuracy":
                return s.accuracy();
            default:
                throw new IllegalArgumentException("unknown metric in " + key);
        }
    }
}
