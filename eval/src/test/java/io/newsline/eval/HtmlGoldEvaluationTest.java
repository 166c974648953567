package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Evaluator#htmlGold(Path, Map)} on a directory laid out like the html-gold corpus, built from the
 * project's own HTML fixtures ({@code src/test/resources/eval/*.htm*} and their sidecar labels): the
 * benchmark's score, the per-page counts, the predictions and the headline accuracy are all reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlGoldEvaluationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PAGES = List.of("jsonld-news-article.html", "dc-meta-only.htm");

    private EvalReport report;

    @BeforeAll
    void evaluate(@TempDir Path dir) throws Exception {
        Path fixtures = EvaluationTest.fixturesDir();
        Files.createDirectories(dir.resolve("html"));
        ObjectNode truth = JSON.createObjectNode();
        Map<String, List<String>> headlines = new LinkedHashMap<>();
        for (String page : PAGES) {
            String id = page.substring(0, page.indexOf('.'));
            try (OutputStream out =
                    new GZIPOutputStream(Files.newOutputStream(dir.resolve("html/" + id + ".html.gz")))) {
                out.write(Files.readAllBytes(fixtures.resolve(page)));
            }
            Label label = Label.of(
                    JSON.readTree(Evaluator.sidecar(fixtures.resolve(page)).toFile()));
            truth.putObject(id).put("articleBody", label.body()).put("url", "https://example.org/" + id);
            headlines.put(id, List.of(label.title()));
        }
        // A label whose strict headline is not what the page says, but whose alternative is.
        headlines.put(
                "dc-meta-only",
                List.of("Some other headline", headlines.get("dc-meta-only").get(0)));
        JSON.writeValue(dir.resolve("ground-truth.json").toFile(), truth);
        report = new Evaluator().htmlGold(dir, headlines);
        report.print(System.out, true);
    }

    @Test
    void benchmarkScoreOfTheFixturePages() {
        FieldScore b = report.score("body-benchmark");
        assertThat(b.articles()).isEqualTo(2);
        assertThat(b.precision()).isGreaterThanOrEqualTo(0.95);
        assertThat(b.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.pages()).containsOnlyKeys("jsonld-news-article", "dc-meta-only");
        assertThat(report.predictions().get("dc-meta-only")).contains("Gareth Price");
    }

    @Test
    void headlinesStrictAndLenient() {
        assertThat(report.score("headline").accuracy()).isEqualTo(0.5);
        assertThat(report.score("headline-lenient").accuracy()).isEqualTo(1.0);
        assertThat(report.mismatches())
                .anyMatch(m -> m.startsWith("dc-meta-only: headline") && m.endsWith("(an alternative)"));
    }

    @Test
    void bundledHeadlineLabelsCoverTheWholeCorpus() {
        Map<String, List<String>> labels = Evaluator.bundledHeadlines();
        assertThat(labels).hasSize(181);
        assertThat(labels.values()).allMatch(a -> !a.isEmpty() && !a.get(0).isBlank());
    }
}
