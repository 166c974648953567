package io.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The option checks that end a demo before it starts anything (the run itself is DemoIT's). */
class DemoCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new DemoCommand())
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void aMissingInputDirectoryIsAUsageError() {
        Path missing = dir.resolve("no-such-dir");

        assertThat(run("--input", missing.toString(), "--data-dir", dir.toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("no article directory " + missing).contains("--input DIR");
    }

    @Test
    void noStreamNeedsTheBrokersWhereOneRuns() {
        assertThat(run("--input", dir.toString(), "--data-dir", dir.toString(), "--no-stream"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--no-stream needs --bootstrap-servers");
    }
}
