package io.newsline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.ArticleTopic;
import io.newsline.article.enrich.Enrichment;
import io.newsline.article.enrich.EntityKind;
import io.newsline.article.enrich.NamedEntity;
import io.newsline.article.enrich.Slugs;
import io.newsline.article.io.CorpusFiles;
import io.newsline.article.parse.ArticleFormats;
import io.newsline.article.parse.ArticleParts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity precision and recall against the hand labels of {@code labels/entities.json} (100 articles: BBC, Reuters,
 * html-gold), scored as {@code docs/labelling-guideline.md} section 3 says:
 *
 * <ol>
 *   <li>a predicted entity matches a labelled one when its name (or id) equals the label's name or one of its
 *       aliases, folded (NFKC, case, whitespace, a trailing {@code 's}); each label is matched at most once, and
 *       further predictions matching it are duplicates (false positives: they should have been merged);
 *   <li>an unmatched prediction is ignored when it equals an {@code other} entry or consists only of words of one,
 *       when it is a place named by the article's nationality words ({@code demonyms}), or when the extractor typed
 *       it {@code OTHER} (works, events: not one of the three scored types);
 *   <li>otherwise it is a false positive; an unmatched label is a false negative.
 * </ol>
 *
 * <p>Micro-averaged per corpus and overall; {@code entity-type} is the share of matched entities with the right type;
 * {@code key-subject} is the share of articles whose labelled key subject is among the article's topics (its
 * timeline).
 */
public final class EntityEvaluation {
    public static final String RESOURCE = "/io/newsline/eval/labels/entities.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleFormats parser;
    private final ArticleEnricher enricher;

    public EntityEvaluation(ArticleFormats parser, ArticleEnricher enricher) {
        this.parser = parser;
        this.enricher = enricher;
    }

    /** One report per corpus and one named {@code entities (all)}, in that order. */
    public List<EvalReport> evaluate(Path corpus) throws IOException {
        JsonNode root;
        try (InputStream in = EntityEvaluation.class.getResourceAsStream(RESOURCE)) {
            root = JSON.readTree(in);
        }
        JsonNode goldBodies = null;
        Map<String, EvalReport> reports = new LinkedHashMap<>();
        EvalReport all = new EvalReport("entities (all, " + RESOURCE + ")");
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        for (JsonNode a : root.path("articles")) {
            String c = a.path("corpus").asText();
            String id = a.path("id").asText();
            ArticleParts parts;
            if (c.equals("html-gold")) {
                if (goldBodies == null) {
                    Path truth = corpus.resolve("html-gold/ground-truth.json");
                    if (!Files.exists(truth)) {
                        continue;
                    }
                    goldBodies = JSON.readTree(truth.toFile());
                }
                // The labelled text is the gold article body, not the page: its paragraphs under the page's headline
                // (as the pipeline sees an article), so the first paragraph is not taken for a headline.
                String body = goldBodies.path(id).path("articleBody").asText("");
                List<String> paragraphs = new ArrayList<>();
                for (String para : body.split("\\n\\s*\\n|\\n")) {
                    if (!para.isBlank()) {
                        paragraphs.add(para.strip());
                    }
                }
                parts = new ArticleParts(a.path("headline").asText(""), null, List.of(), null, paragraphs, 0);
            } else {
                Path file = corpus.resolve(c).resolve(id);
                if (!Files.exists(file)) {
                    continue;
                }
                parts = parser.parse(CorpusFiles.text(file), file.getFileName().toString(), null, null, now);
            }
            EvalReport report = reports.computeIfAbsent(c, k -> new EvalReport("entities (" + k + ")"));
            Enrichment e = enricher.enrich(parts);
            for (EvalReport r : List.of(report, all)) {
                r.article();
                score(r, c + "/" + id, a, e);
            }
        }
        List<EvalReport> out = new ArrayList<>(reports.values());
        out.add(all);
        return out;
    }

    private record Labelled(String name, String type, Set<String> forms) {}

    static void score(EvalReport report, String id, JsonNode article, Enrichment e) {
        List<Labelled> labels = new ArrayList<>();
        Map<String, List<Integer>> byForm = new HashMap<>();
        for (JsonNode l : article.path("entities")) {
            Set<String> forms = new HashSet<>();
            forms.add(fold(l.path("name").asText()));
            forms.add(Slugs.slug(l.path("name").asText()));
            l.path("aliases").forEach(al -> forms.add(fold(al.asText())));
            int index = labels.size();
            labels.add(new Labelled(l.path("name").asText(), l.path("type").asText(), forms));
            for (String f : forms) {
                byForm.computeIfAbsent(f, k -> new ArrayList<>()).add(index);
            }
        }
        List<String> others = new ArrayList<>();
        article.path("other").forEach(o -> others.add(fold(o.asText())));
        Set<String> demonymPlaces = new HashSet<>();
        article.path("demonyms").forEach(p -> demonymPlaces.add(fold(p.asText())));

        boolean[] matched = new boolean[labels.size()];
        long tp = 0;
        long fp = 0;
        long typeRight = 0;
        List<String> wrong = new ArrayList<>();
        for (NamedEntity n : e.entities()) {
            String name = fold(n.name());
            List<Integer> hits = byForm.getOrDefault(name, byForm.getOrDefault(n.id(), List.of()));
            if (!hits.isEmpty()) {
                Integer free =
                        hits.stream().filter(i -> !matched[i]).findFirst().orElse(null);
                if (free == null) {
                    fp++;
                    wrong.add(n.name() + " (duplicate)");
                } else {
                    matched[free] = true;
                    tp++;
                    if (labels.get(free).type().equals(n.type().name())) {
                        typeRight++;
                    }
                }
                continue;
            }
            if (n.type() == EntityKind.OTHER || ignored(name, others) || demonymPlaces.contains(name)) {
                continue;
            }
            fp++;
            wrong.add(n.name());
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!matched[i]) {
                missing.add(labels.get(i).name());
            }
        }
        report.field("entities").add(tp, fp, missing.size());
        report.field("entity-type").add(typeRight, tp - typeRight, 0);
        if (!wrong.isEmpty() || !missing.isEmpty()) {
            report.mismatch(id + ": entities: wrong " + wrong + " missing " + missing);
        }
        keySubject(report, id, article, labels, e);
    }

    private static void keySubject(
            EvalReport report, String id, JsonNode article, List<Labelled> labels, Enrichment e) {
        JsonNode key = article.path("keySubject");
        if (key.isNull() || key.isMissingNode()) {
            return;
        }
        Set<String> forms = new HashSet<>();
        forms.add(fold(key.asText()));
        forms.add(Slugs.slug(key.asText()));
        for (Labelled l : labels) {
            if (l.name().equals(key.asText())) {
                forms.addAll(l.forms());
            }
        }
        boolean found = false;
        for (ArticleTopic t : e.topics()) {
            if (forms.contains(t.id()) || forms.contains(fold(t.label()))) {
                found = true;
                break;
            }
        }
        report.field("key-subject").addSingle(true, found);
        if (!found) {
            report.mismatch(id + ": key subject " + key.asText() + " not among topics "
                    + e.topics().stream().map(ArticleTopic::id).toList());
        }
    }

    private static boolean ignored(String name, List<String> others) {
        for (String o : others) {
            if (o.equals(name)) {
                return true;
            }
        }
        List<String> words = List.of(name.split(" "));
        for (String o : others) {
            if (List.of(o.split(" ")).containsAll(words)) {
                return true;
            }
        }
        return false;
    }

    static String fold(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('\u2019', '\'')
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (t.endsWith("'s")) {
            t = t.substring(0, t.length() - 2);
        }
        return t;
    }
}
