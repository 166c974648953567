package io.newsline.bench;

import io.newsline.producer.ProduceCommand;
import io.newsline.producer.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Runs {@code newsline produce} (its own code, {@link ProduceCommand}) in a JVM of its own and prints its counts
 * and time in one line the bench reads: {@code BENCH published=N bytes=B nanos=T}. The time is the command's own
 * ({@link RunSummary#elapsed()}): from after the producer connected until every record was acknowledged, as
 * ProducerPerformance counts from its first send to its final flush.
 *
 * <p>Arguments: a file listing the article paths, one a line, then the produce command's own arguments.
 */
public final class ProduceTimer {
    private ProduceTimer() {}

    public static void main(String[] args) throws IOException {
        List<String> arguments = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        arguments.addAll(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        ProduceCommand produce = new ProduceCommand();
        int status = new CommandLine(produce).execute(arguments.toArray(String[]::new));
        RunSummary summary = produce.summary();
        if (summary != null) {
            System.out.printf(
                    Locale.ROOT,
                    "BENCH published=%d bytes=%d nanos=%d%n",
                    summary.published(),
                    summary.publishedBytes(),
                    summary.elapsed().toNanos());
        }
        System.exit(status);
    }
}
