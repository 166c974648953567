package io.newsline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.ArticleTopic;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.enrich.NamedEntity;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs parsing and enrichment over labelled articles and scores each field (see {@code docs/evaluation.md}).
 *
 * <ul>
 *   <li>{@link #labelledDirectory(Path)}: article files ({@code .txt}, {@code .html}, {@code .htm}, optionally
 *       {@code .gz}) each with a sidecar {@code <name>.json} of expected fields.
 *   <li>{@link #htmlGold(Path)}: the html-gold corpus ({@code html/<id>.html.gz} and {@code ground-truth.json}):
 *       body word overlap.
 *   <li>{@link #bbc(Path, Map)}: the BBC corpus (headline on line 1): headline accuracy on every file, and the
 *       fields of the articles in {@code labels} (keyed by path relative to the corpus directory).
 * </ul>
 */
public final class Evaluator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bundled hand labels for 50 BBC articles, keyed by path relative to the BBC corpus directory. */
    public static final String BBC_LABELS_RESOURCE = "/io/newsline/eval/bbc-labels.json";
    /** The hand-labelled headlines of the 181 html-gold pages (docs/labelling-guideline.md). */
    public static final String HEADLINES_RESOURCE = "/io/newsline/eval/labels/html-gold-headlines.json";

    private final ArticleFormats parser;
    private final ArticleEnricher enricher;

    public Evaluator() {
        this(new ArticleFormats(), new ArticleEnricher());
    }

    public Evaluator(ArticleFormats parser, ArticleEnricher enricher) {
        this.parser = parser;
        this.enricher = enricher;
    }

    /** Scores every article file under {@code dir} that has a sidecar label. */
    public EvalReport labelledDirectory(Path dir) throws IOException {
        EvalReport report = new EvalReport(dir.toString());
        for (Path file : CorpusFiles.list(dir)) {
            Path sidecar = sidecar(file);
            if (!Files.exists(sidecar)) {
                continue;
            }
            Label label = Label.of(JSON.readTree(sidecar.toFile()));
            score(
                    report,
                    dir.relativize(file).toString(),
                    file.getFileName().toString(),
                    CorpusFiles.text(file),
                    label);
        }
        return report;
    }

    /** The hand-checked publication dates of the html-gold pages (docs/labelling-guideline.md). */
    public static final String HTML_GOLD_DATES_RESOURCE = "/io/newsline/eval/labels/html-gold-dates.json";
    /** Plain-text date lines of every common form, written for the project. */
    public static final String DATE_FORMS_RESOURCE = "/io/newsline/eval/labels/date-forms.tsv";

    /**
     * The html-gold corpus: body word overlap ({@code body}, the project's own score), the benchmark's own
     * score ({@code body-benchmark}, {@link ShingleOverlap}), headline accuracy against the bundled
     * hand labels ({@code headline}: the visible headline; {@code headline-lenient}: it or one of the
     * publisher's alternatives), and publication dates: {@code date-strict} is right when the parsed local
     * calendar date is the label's {@code date}; {@code date-lenient} also accepts its {@code alsoAccept} dates;
     * both over the dated pages. A date given for the undated page counts in {@code date-undated} (a false
     * positive).
     */
    public EvalReport htmlGold(Path dir) throws IOException {
        return htmlGold(dir, bundledHeadlines());
    }

    /** As {@link #htmlGold(Path)} with the given headline labels (id to accepted headlines, the first strict). */
    public EvalReport htmlGold(Path dir, Map<String, List<String>> headlines) throws IOException {
        EvalReport report = new EvalReport(dir.toString());
        JsonNode dates = bundledJson(HTML_GOLD_DATES_RESOURCE).path("labels");
        JsonNode truth = JSON.readTree(dir.resolve("ground-truth.json").toFile());
        List<String> ids = new ArrayList<>();
        truth.fieldNames().forEachRemaining(ids::add);
        ids.sort(null);
        for (String id : ids) {
            Path file = dir.resolve("html").resolve(id + ".html.gz");
            if (!Files.exists(file)) {
                continue;
            }
            JsonNode t = truth.get(id);
            String gold = t.get("articleBody").asText();
            Label label = new Label(null, false, null, null, null, gold, null, null, null, null);
            ArticleParts parsed = score(
                    report,
                    id,
                    file.getFileName().toString(),
                    CorpusFiles.text(file),
                    label,
                    t.path("url").asText(null));
            String extracted = parsed == null ? "" : parsed.bodyText();
            ShingleOverlap.Counts c = ShingleOverlap.of(gold, extracted);
            report.field("body-benchmark").addShingles(c);
            report.page(id, c, extracted);
            List<String> accepted = headlines.get(id);
            if (accepted != null && !accepted.isEmpty()) {
                String got = parsed == null ? null : parsed.title();
                boolean strict = got != null && same(accepted.get(0), got);
                boolean lenient = got != null && accepted.stream().anyMatch(a -> same(a, got));
                report.field("headline").addSingle(got != null, strict);
                report.field("headline-lenient").addSingle(got != null, lenient);
                if (!strict) {
                    report.mismatch(id + ": headline: expected [" + accepted.get(0) + "] got [" + got + "]"
                            + (lenient ? " (an alternative)" : ""));
                }
            }
            JsonNode d = dates.get(id);
            if (d != null) {
                scoreLocalDate(report, id, d, parsed);
            }
        }
        return report;
    }

    /** The bundled html-gold headline labels: id to the visible headline followed by its alternatives. */
    public static Map<String, List<String>> bundledHeadlines() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (InputStream in = Evaluator.class.getResourceAsStream(HEADLINES_RESOURCE)) {
            if (in == null) {
                return out;
            }
            JsonNode labels = JSON.readTree(in).path("labels");
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> accepted = new ArrayList<>();
                accepted.add(e.getValue().path("headline").asText());
                e.getValue().path("alternatives").forEach(a -> accepted.add(a.asText()));
                out.put(e.getKey(), accepted);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void scoreLocalDate(EvalReport report, String id, JsonNode label, ArticleParts parsed) {
        LocalDate got = parsed == null ? null : parsed.publishedLocalDate();
        if (label.path("date").isNull() || label.path("date").isMissingNode()) {
            report.field("date-undated").add(0, got == null ? 0 : 1, 0);
            if (got != null) {
                report.mismatch(id + ": date: expected none got " + got);
            }
            return;
        }
        LocalDate want = LocalDate.parse(label.get("date").asText());
        Set<LocalDate> accepted = new HashSet<>();
        accepted.add(want);
        label.path("alsoAccept").forEach(a -> accepted.add(LocalDate.parse(a.asText())));
        boolean strict = want.equals(got);
        boolean lenient = got != null && accepted.contains(got);
        report.field("date-strict").addSingle(got != null, strict);
        report.field("date-lenient").addSingle(got != null, lenient);
        if (!strict) {
            report.mismatch(id + ": date: expected " + want + (lenient ? " (lenient ok)" : "") + " got " + got + " ("
                    + (parsed == null ? null : parsed.publishedAt()) + ") "
                    + label.path("url").asText(""));
        }
    }

    /**
     * Plain-text date lines of every common form ({@link #DATE_FORMS_RESOURCE}), each parsed as the date line of a
     * small article: {@code date} (the instant, to the second) and {@code local-date} overall, and per form.
     */
    public EvalReport dateForms() throws IOException {
        EvalReport report = new EvalReport("date forms (" + DATE_FORMS_RESOURCE + ")");
        Instant now = Instant.parse("2025-09-10T00:00:00Z");
        String text;
        try (InputStream in = Evaluator.class.getResourceAsStream(DATE_FORMS_RESOURCE)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String row : text.split("\\R")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t");
            String form = f[0];
            String line = f[1];
            Instant want = f[2].equals("-") ? null : Instant.parse(f[2]);
            LocalDate wantLocal = f[3].equals("-") ? null : LocalDate.parse(f[3]);
            String raw = "Council approves new cycle lanes on the high street\n\n" + line
                    + "\n\nThe council voted on the plan after a long debate, and work is due to start next month.\n";
            report.article();
            ArticleParts parsed = parser.parse(raw, "date-form.txt", null, null, now);
            Instant got = parsed.publishedAt();
            LocalDate gotLocal = parsed.publishedLocalDate();
            boolean ok = want == null ? got == null : want.equals(got);
            boolean okLocal = wantLocal == null ? gotLocal == null : wantLocal.equals(gotLocal);
            for (String field : List.of("date", "date:" + form)) {
                report.field(field).addSingle(got != null || want == null, ok);
            }
            report.field("local-date").addSingle(gotLocal != null || wantLocal == null, okLocal);
            if (!ok || !okLocal) {
                report.mismatch(form + ": [" + line + "] expected " + want + " / " + wantLocal + " got " + got + " / "
                        + gotLocal);
            }
        }
        return report;
    }

    private static JsonNode bundledJson(String resource) {
        try (InputStream in = Evaluator.class.getResourceAsStream(resource)) {
            return in == null ? JSON.missingNode() : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Headline accuracy on every BBC file; all labelled fields on the articles in {@code labels}. */
    public EvalReport bbc(Path dir, Map<String, Label> labels) throws IOException {
        EvalReport report = new EvalReport(dir.toString());
        for (Path file : CorpusFiles.list(dir)) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            String text = CorpusFiles.text(file);
            Label given = labels.get(rel);
            String headline = firstLine(text);
            Label label = given == null
                    ? new Label(headline, false, null, null, null, null, null, null, null, null)
                    : new Label(
                            given.title() != null ? given.title() : headline,
                            given.hasDek(),
                            given.dek(),
                            given.bylines(),
                            given.publishedAt(),
                            given.body(),
                            given.language(),
                            given.entities(),
                            given.topics(),
                            given.ingestedAt());
            score(report, rel, file.getFileName().toString(), text, label);
        }
        return report;
    }

    /** Reads a label index: a JSON object from relative path to label. */
    public static Map<String, Label> labelIndex(InputStream in) throws IOException {
        Map<String, Label> out = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(in);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) {
                out.put(e.getKey(), Label.of(e.getValue()));
            }
        }
        return out;
    }

    /** The bundled BBC labels. */
    public static Map<String, Label> bundledBbcLabels() {
        try (InputStream in = Evaluator.class.getResourceAsStream(BBC_LABELS_RESOURCE)) {
            return in == null ? Map.of() : labelIndex(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void score(EvalReport report, String id, String fileName, String raw, Label label) {
        score(report, id, fileName, raw, label, null);
    }

    /** Scores one article's labelled fields; returns what was parsed, or null when it could not be. */
    private ArticleParts score(EvalReport report, String id, String fileName, String raw, Label label, String uri) {
        report.article();
        Instant now = label.ingestedAt() != null ? label.ingestedAt() : Instant.now();
        ArticleParts parsed;
        try {
            parsed = parser.parse(raw, fileName, null, uri, now);
        } catch (RuntimeException e) {
            report.failure(id + ": unparseable: " + e);
            parsed = null;
        }
        if (label.title() != null) {
            boolean ok = parsed != null && same(label.title(), parsed.title());
            report.field("title").addSingle(parsed != null, ok);
            if (!ok && parsed != null) {
                report.mismatch(id + ": title: expected [" + label.title() + "] got [" + parsed.title() + "]");
            }
        }
        if (label.hasDek()) {
            String got = parsed == null ? null : parsed.dek();
            boolean ok = label.dek() == null ? got == null : got != null && same(label.dek(), got);
            if (label.dek() == null) {
                report.field("dek").add(0, ok ? 0 : 1, 0);
            } else {
                report.field("dek").addSingle(got != null, ok);
            }
            if (!ok) {
                report.mismatch(id + ": dek: expected [" + label.dek() + "] got [" + got + "]");
            }
        }
        if (label.bylines() != null) {
            sets(report, "bylines", id, lower(label.bylines()), parsed == null ? List.of() : lower(parsed.bylines()));
        }
        if (label.publishedAt() != null) {
            Instant got = parsed == null ? null : parsed.publishedAt();
            boolean ok = Label.sameTime(label.publishedAt(), got);
            report.field("date").addSingle(got != null, ok);
            if (!ok) {
                report.mismatch(id + ": date: expected " + label.publishedAt() + " got " + got);
            }
        }
        if (label.body() != null) {
            WordOverlap.Counts c = WordOverlap.of(label.body(), parsed == null ? "" : parsed.bodyText());
            report.field("body").addOverlap(c);
            if (c.f1() < 0.9) {
                report.mismatch(String.format(
                        Locale.ROOT, "%s: body: P=%.3f R=%.3f F1=%.3f", id, c.precision(), c.recall(), c.f1()));
            }
        }
        boolean wantsEnrichment = label.language() != null || label.entities() != null || label.topics() != null;
        if (!wantsEnrichment) {
            return parsed;
        }
        Enrichment e = parsed == null || parsed.bodyParagraphs().isEmpty() ? null : enricher.enrich(parsed);
        if (label.language() != null) {
            String got = e == null ? null : e.language();
            boolean ok = label.language().equals(got);
            report.field("language").addSingle(got != null, ok);
            if (!ok) {
                report.mismatch(id + ": language: expected " + label.language() + " got " + got);
            }
        }
        if (label.entities() != null) {
            List<String> got = e == null
                    ? List.of()
                    : e.entities().stream().map(NamedEntity::id).toList();
            sets(report, "entities", id, label.entities(), got);
        }
        if (label.topics() != null) {
            List<String> got = e == null
                    ? List.of()
                    : e.topics().stream().map(ArticleTopic::id).toList();
            // Expected topics are the ones that must be there: recall is what counts; every extra topic
            // is reported as a false positive all the same.
            sets(report, "topics", id, label.topics(), got);
        }
        return parsed;
    }

    private static void sets(EvalReport report, String field, String id, List<String> expected, List<String> got) {
        Set<String> want = new HashSet<>(expected);
        Set<String> have = new HashSet<>(got);
        long tp = 0;
        List<String> extra = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String g : have) {
            if (want.contains(g)) {
                tp++;
            } else {
                extra.add(g);
            }
        }
        for (String w : want) {
            if (!have.contains(w)) {
                missing.add(w);
            }
        }
        report.field(field).add(tp, extra.size(), missing.size());
        if (!extra.isEmpty() || !missing.isEmpty()) {
            extra.sort(null);
            missing.sort(null);
            report.mismatch(id + ": " + field + ": unexpected " + extra + " missing " + missing);
        }
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> normalize(n)).toList();
    }

    static boolean same(String expected, String actual) {
        return normalize(expected).equals(normalize(actual));
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            String t = line.replace("\uFEFF", "").strip();
            if (!t.isEmpty()) {
                return t;
            }
        }
        return "";
    }

    /** {@code story.txt} -> {@code story.json}; {@code page.html.gz} -> {@code page.json}. */
    static Path sidecar(Path file) {
        String n = file.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".json");
    }
}
