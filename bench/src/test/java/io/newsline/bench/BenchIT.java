package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench end to end on 14 short articles written for this test: its own broker and registry, one round of the
 * real `newsline stream` (from cli/target/newsline.jar, which the reactor builds before this module's integration
 * tests) and of the pass-through, two tiny latency phases and the producer comparison, then the table.
 */
class BenchIT {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void runsEndToEndAndPrintsEveryPartOfTheTable(@TempDir Path temp) throws Exception {
        Path fixtures = Path.of(BenchIT.class.getResource("/fixtures").toURI());
        Path table = temp.resolve("table.md");
        // Under target/ rather than in the temporary directory: its parent keeps the broker's and registry's
        // class-data-sharing archives (cache/) from one run to the next, which makes them start and stop faster.
        Path work = Repository.root().resolve("target/bench-it/run-" + System.nanoTime());
        StringWriter out = new StringWriter();

        int status;
        try {
            status = new CommandLine(new BenchCommand())
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(System.err, true))
                    .execute(
                            "--rounds",
                            "1",
                            "--partitions",
                            "2",
                            "--latency",
                            "2:2,4:1",
                            "--latency-warmup",
                            "2",
                            "--drain",
                            "20",
                            "--stall-timeout",
                            "60",
                            "--work-dir",
                            work.toString(),
                            "--out",
                            table.toString(),
                            fixtures.toString());
        } finally {
            deleteRecursively(work);
        }

        assertThat(status).as("exit status (progress and errors are on stderr)").isZero();
        String printed = out.toString();
        assertThat(Files.readString(table, StandardCharsets.UTF_8)).isEqualTo(printed);
        assertThat(printed).contains("- input: 14 distinct articles (14 records");

        List<String> throughput = row(printed, "throughput", "round 1: pipeline");
        assertThat(number(throughput.get(2))).as("pipeline articles/s").isPositive();
        assertThat(number(throughput.get(3))).as("pass-through records/s").isPositive();
        assertThat(number(throughput.get(4))).as("ratio").isPositive();
        assertThat(throughput.get(5)).as("load averages").matches("[0-9.]+ / [0-9.]+ / [0-9.]+ ; .*");
        assertThat(row(printed, "memory", "round 1: RSS peak").get(2)).endsWith("MiB");

        assertThat(number(row(printed, "internal topics", "all internal topics").get(2)))
                .as("bytes per article on internal topics")
                .isPositive();
        assertThat(number(
                        row(printed, "internal topics", "all changelog topics").get(2)))
                .isPositive();
        assertThat(number(row(printed, "internal topics", "records per article: all internal topics")
                        .get(2)))
                .as("records per article on internal topics, from the broker's segments")
                .isPositive();
        assertThat(number(row(printed, "output topics", "all output topics").get(2)))
                .isPositive();
        assertThat(number(row(printed, "state on disk", "all stores").get(2))).isPositive();

        for (String rate : List.of("2 articles/s", "4 articles/s")) {
            List<String> latency = row(printed, "latency", rate);
            assertThat(latency.get(2)).as("latency at " + rate).matches("\\d+ ms ; \\d+ ms");
        }
        List<String> producer = row(printed, "producer", "records/s");
        assertThat(producer.get(1)).contains("(14 records)");
        assertThat(number(producer.get(2))).isPositive();
        assertThat(number(producer.get(3))).isPositive();
    }

    /** The cells of the first row whose section and figure match. */
    private static List<String> row(String table, String section, String figureContains) {
        return table.lines()
                .filter(line -> line.startsWith("| "))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|"))
                        .map(String::trim)
                        .toList())
                .filter(cells -> cells.get(0).equals(section) && cells.get(1).contains(figureContains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + section + " / " + figureContains + " in\n" + table));
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static double number(String cell) {
        return Double.parseDouble(cell.replace(",", "").replaceAll("[^0-9.].*$", ""));
    }
}
