package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./newsline demo} end to end, as a user runs it: a real broker and registry as child processes, the
 * streams app, the seed articles, the printed timelines, and nothing left running afterwards.
 */
@Timeout(420)
class DemoIT {
    private static final Pattern ENTRY_DATE = Pattern.compile("(?m)^  (\\d{4}-\\d{2}-\\d{2})  ");

    @TempDir
    Path dataDir;

    @AfterEach
    void killLeftovers() {
        LauncherProcess.killProcessesMentioning(dataDir);
    }

    @Test
    void printsBothSeedArticlesUnderBenjaminNetanyahuInDateOrderAndStopsEverything() throws Exception {
        // Generous: the launcher rebuilds the jar first if a source changed after it was built.
        LauncherProcess.Result demo =
                LauncherProcess.run(dataDir, Duration.ofSeconds(400), "demo", "--data-dir", dataDir.toString());

        assertThat(demo.exitCode()).as(demo.describe()).isZero();
        String netanyahu = section(demo.stdout(), "Benjamin Netanyahu  (person, benjamin-netanyahu, 2 articles)");
        int first = netanyahu.indexOf("Netanyahu Insists Hostage Talks With Hamas Will Continue");
        int second = netanyahu.indexOf("immediate negotiations");
        assertThat(first).as(demo.describe()).isPositive();
        assertThat(second).as(demo.describe()).isGreaterThan(first);
        assertThat(netanyahu).contains("by Benjamin Calderwood").contains("by Ethan Brown Pheels");
        List<String> dates =
                ENTRY_DATE.matcher(netanyahu).results().map(m -> m.group(1)).toList();
        assertThat(dates).hasSize(2).isSorted();
        assertThat(dates.get(0)).isEqualTo("2025-05-13");

        assertThat(demo.stderr()).contains("complete:").contains("done in");
        assertThat(LauncherProcess.processesMentioning(dataDir)).isEmpty();
    }

    /** The lines from the heading to the next blank line. */
    private static String section(String output, String heading) {
        int start = output.indexOf(heading);
        assertThat(start).as("'" + heading + "' in:\n" + output).isNotNegative();
        Matcher end = Pattern.compile("\\R\\R").matcher(output);
        return end.find(start) ? output.substring(start, end.start()) : output.substring(start);
    }
}
