package io.newsline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The evaluation command on a handful of articles written for this test. */
class EvalDedupCommandTest {
    private static final String HARBOUR_P1 = "The harbour authority of Port Elwin approved a plan on Tuesday to"
            + " dredge the northern channel, which has silted up so badly that container ships now wait for the"
            + " high tide before they can reach the quay.";
    private static final String HARBOUR_P2 = "The work will take eighteen months and cost about forty million"
            + " euros, most of it paid by a regional fund, the authority's chair told reporters after a"
            + " meeting that ran late into the evening.";
    private static final String HARBOUR_P3 = "Fishermen have protested against the plan for weeks, saying the"
            + " dredging will drive the cod and the herring out of the bay, and some of them promised to block"
            + " the first barge when it arrives in the spring.";
    private static final String HARBOUR_P4 = "Environmental groups said they would study the permit before"
            + " deciding whether to challenge it in court, while shipping companies welcomed a decision they"
            + " have been asking for since the last storm season.";
    private static final String ORCHESTRA = "The city orchestra will tour three continents next year with a"
            + " programme of new works by young composers, its music director announced, and tickets for the"
            + " opening concerts in Lisbon and Montreal go on sale on Friday morning.\n\nThe tour is the"
            + " longest in the orchestra's history and includes a week of school workshops in every city it"
            + " visits, paid for by a foundation that asked not to be named.";

    @TempDir
    Path corpus;

    @Test
    void findsTheUpdatedVersionAndScoresItAgainstTheBruteForceTruth() throws IOException {
        write("news/harbour.txt", "Harbour channel to be dredged", HARBOUR_P1, HARBOUR_P2, HARBOUR_P3, HARBOUR_P4);
        write("news/harbour-update.txt", "Dredging plan approved despite protests", HARBOUR_P1, HARBOUR_P2, HARBOUR_P4);
        write("news/orchestra.txt", "Orchestra plans world tour", ORCHESTRA);
        Files.writeString(corpus.resolve("README.txt"), "Not an article, skipped.\n\nReally.");

        String pairs = run(corpus.toString());
        assertThat(pairs)
                .contains("3 articles from")
                .containsPattern("0\\.[5-9]\\d\\d\tnews/harbour-update\\.txt\tnews/harbour\\.txt")
                .contains("pairs found: 1")
                .doesNotContain("orchestra.txt");

        Path truth = corpus.resolveSibling(corpus.getFileName() + "-truth.tsv");
        assertThat(run(corpus.toString(), "--make-truth", truth.toString(), "--truth-floor", "0.0"))
                .contains("3 pairs with similarity >= 0.00");
        assertThat(Files.readAllLines(truth)).hasSize(2 + 3);

        assertThat(run(corpus.toString(), "--truth", truth.toString(), "--no-pairs"))
                .contains("truth: 1 pairs at or above 0.50; found 1: 1 true, 0 false, 0 missed")
                .contains("precision 1.0000  recall 1.0000  F1 1.0000");
        assertThat(run(corpus.toString(), "--truth", truth.toString(), "--threshold", "0.95", "--no-pairs"))
                .contains("truth: 0 pairs at or above 0.95; found 0");
    }

    @Test
    void syntheticCopiesAreReportedByKindOfEdit() throws IOException {
        write("a.txt", "Harbour channel to be dredged", HARBOUR_P1, HARBOUR_P2, HARBOUR_P3, HARBOUR_P4);
        write("b.txt", "Orchestra plans world tour", ORCHESTRA);
        Path truth = corpus.resolveSibling(corpus.getFileName() + "-synthetic-truth.tsv");
        run(corpus.toString(), "--synthetic", "20", "--make-truth", truth.toString());

        assertThat(run(corpus.toString(), "--synthetic", "20", "--truth", truth.toString(), "--no-pairs"))
                .contains("synthetic copy vs its original, by edit:")
                .contains("headline changed", "2% of words substituted", "boilerplate appended")
                .contains("false, 0 missed")
                .contains("precision 1.0000");
    }

    @Test
    void benchReportsCpuTimePerArticle() throws IOException {
        write("a.txt", "Harbour channel to be dredged", HARBOUR_P1, HARBOUR_P2, HARBOUR_P3, HARBOUR_P4);
        assertThat(run(corpus.toString(), "--bench", "--rounds", "1"))
                .contains("CPU per article, median of 1 rounds over 1 articles")
                .containsPattern("signature \\d+\\.\\d{4} ms")
                .containsPattern("lookup    \\d+\\.\\d{4} ms");
    }

    @Test
    void aMissingDirectoryIsAnError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new EvalDedupCommand())
                .setErr(new PrintWriter(err))
                .execute(corpus.resolve("nope").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("not a directory");
    }

    private void write(String name, String headline, String... paragraphs) throws IOException {
        Path file = corpus.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, headline + "\n\n" + String.join("\n\n", paragraphs) + "\n", StandardCharsets.UTF_8);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new EvalDedupCommand())
                .setOut(new PrintWriter(out))
                .execute(args);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }
}
