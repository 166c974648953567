package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.parse.ArticleFormats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The evaluation of parsing and enrichment, with its thresholds: always on the labelled fixtures in
 * {@code src/test/resources/eval}, and on {@code ../shared/corpus} when that directory exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTest {
    // Just under the figures measured with ./newsline eval --corpus ../shared/corpus (docs/evaluation.md).
    private static final double ENTITY_PRECISION = 0.92;
    private static final double ENTITY_RECALL = 0.79;
    private static final double KEY_SUBJECT = 0.80;
    private final Evaluator evaluator = new Evaluator();
    private EvalReport fixtures;

    @BeforeAll
    void evaluateFixtures() throws Exception {
        fixtures = evaluator.labelledDirectory(fixturesDir());
        fixtures.print(System.out, true);
    }

    static Path fixturesDir() throws URISyntaxException {
        return Path.of(EvaluationTest.class.getResource("/eval/seed-000.json").toURI())
                .getParent();
    }

    /** {@code ../shared/corpus} relative to the repository root, or null when it is not there. */
    static Path corpus() {
        String root = System.getProperty("newsline.repository.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path c = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(c)) {
                return c;
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return null;
    }

    @Test
    void everyFixtureParses() {
        assertThat(fixtures.articles()).isGreaterThanOrEqualTo(9);
        assertThat(fixtures.failures()).isZero();
    }

    @Test
    void headlinesDeksBylinesAndDatesOfTheFixtures() {
        assertThat(fixtures.score("title").accuracy()).isEqualTo(1.0);
        assertThat(fixtures.score("dek").f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(fixtures.score("bylines").f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(fixtures.score("date").accuracy()).isEqualTo(1.0);
    }

    @Test
    void bodyTextOfTheFixtures() {
        assertThat(fixtures.score("body").f1()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void languageAndEntitiesOfTheFixtures() {
        assertThat(fixtures.score("language").accuracy()).isEqualTo(1.0);
        assertThat(fixtures.score("entities").precision()).isGreaterThanOrEqualTo(0.90);
        assertThat(fixtures.score("entities").recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void requiredTopicsOfTheFixtures() {
        // Expected topics are the ones that must be there (the seeds' done criterion among them).
        assertThat(fixtures.score("topics").recall()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void seedTopicsAreAllThere() {
        assertThat(fixtures.mismatches())
                .noneMatch(m -> m.startsWith("seed-") && m.contains("topics") && !m.endsWith("missing []"));
    }

    @Test
    void evalCommandPrintsScoresAndHonoursThresholds() throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int ok;
        int failing;
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            ok = new picocli.CommandLine(new EvalCommand())
                    .execute(fixturesDir().toString(), "--fail-under", "title.accuracy=0.99");
            failing = new picocli.CommandLine(new EvalCommand())
                    .execute(fixturesDir().toString(), "--fail-under", "topics.precision=1.01");
        } finally {
            System.setOut(old);
        }
        assertThat(ok).isZero();
        assertThat(failing).isEqualTo(1);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("title", "P=", "R=", "F1=");
    }

    @Test
    void htmlGoldBodyF1() throws Exception {
        Path corpus = corpus();
        assumeTrue(
                corpus != null && Files.isDirectory(corpus.resolve("html-gold")),
                "../shared/corpus/html-gold not found: corpus evaluation skipped");
        EvalReport report = evaluator.htmlGold(corpus.resolve("html-gold"));
        report.print(System.out, false);

        assertThat(report.articles()).isEqualTo(181);
        // Measured (docs/evaluation.md): body F1 0.975; benchmark P 0.965 R 0.981 F1 0.973; headline 0.994.
        assertThat(report.score("body").f1()).isGreaterThanOrEqualTo(0.97);
        // The benchmark's own score (ShingleOverlap), comparable with the figures of issue 12.
        assertThat(report.score("body-benchmark").f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.score("body-benchmark").precision()).isGreaterThanOrEqualTo(0.96);
        assertThat(report.score("body-benchmark").recall()).isGreaterThanOrEqualTo(0.975);
        assertThat(report.score("headline").accuracy()).isGreaterThanOrEqualTo(0.985);
        assertThat(report.score("headline-lenient").accuracy()).isGreaterThanOrEqualTo(0.985);
        // Publication dates against labels/html-gold-dates.json (180 dated pages, one undated).
        assertThat(report.score("date-strict").articles()).isEqualTo(180);
        assertThat(report.score("date-strict").accuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.score("date-lenient").accuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(report.score("date-undated").precision()).isEqualTo(1.0);
    }

    @Test
    void everyPlainTextDateFormIsRead() throws Exception {
        EvalReport report = evaluator.dateForms();
        report.print(System.out, true);

        assertThat(report.articles()).isGreaterThanOrEqualTo(40);
        assertThat(report.score("date").accuracy()).isEqualTo(1.0);
        assertThat(report.score("local-date").accuracy()).isEqualTo(1.0);
    }

    @Test
    void handLabelledEntitiesAndKeySubjects() throws Exception {
        Path corpus = corpus();
        assumeTrue(
                corpus != null
                        && Files.isDirectory(corpus.resolve("bbc"))
                        && Files.isDirectory(corpus.resolve("reuters"))
                        && Files.exists(corpus.resolve("html-gold/ground-truth.json")),
                "../shared/corpus (bbc, reuters, html-gold) not found: corpus evaluation skipped");
        List<EvalReport> reports = new EntityEvaluation(new ArticleFormats(), new ArticleEnricher()).evaluate(corpus);
        reports.forEach(r -> r.print(System.out, false));
        EvalReport all = reports.get(reports.size() - 1);

        assertThat(all.articles()).isEqualTo(100);
        assertThat(all.score("entities").precision()).isGreaterThanOrEqualTo(ENTITY_PRECISION);
        assertThat(all.score("entities").recall()).isGreaterThanOrEqualTo(ENTITY_RECALL);
        assertThat(all.score("key-subject").accuracy()).isGreaterThanOrEqualTo(KEY_SUBJECT);
    }

    @Test
    void bbcHeadlinesAndHandLabelledEntities() throws Exception {
        Path corpus = corpus();
        assumeTrue(
                corpus != null && Files.isDirectory(corpus.resolve("bbc")),
                "../shared/corpus/bbc not found: corpus evaluation skipped");
        EvalReport report = evaluator.bbc(corpus.resolve("bbc"), Evaluator.bundledBbcLabels());
        report.print(System.out, false);

        assertThat(report.articles()).isGreaterThan(2000);
        assertThat(report.score("title").accuracy()).isGreaterThanOrEqualTo(0.98);
        assertThat(report.score("entities").articles()).isEqualTo(50);
        // 0.890 measured: the 60-entity cap and the alias table find entities the 2025 review never listed
        // (House of Commons); the 100 newer labels (handLabelledEntitiesAndKeySubjects) are the stricter measure.
        assertThat(report.score("entities").precision()).isGreaterThanOrEqualTo(0.88);
    }
}
