package io.newsline.bench;

import io.newsline.producer.ProducerSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * {@code newsline produce} against Kafka's {@code ProducerPerformance} (kafka-tools), each in a JVM of its own,
 * interleaved, into fresh topics of the same broker with the same partitions: the same article files (for
 * ProducerPerformance their bytes as payloads, split on a delimiter no text contains), the same record count and
 * the producer settings of {@link ProducerSettings#defaults}.
 */
final class ProducerComparison {
    /** ASCII record separator: a control character that text files do not contain (checked). */
    static final char DELIMITER = '\u001e';

    /** Settings that are about the records' types or the client's name, not about how it sends. */
    private static final Set<String> NOT_COMPARED = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG);

    private static final Pattern PP_TOTAL =
            Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");
    private static final Pattern OURS = Pattern.compile("BENCH published=(\\d+) bytes=(\\d+) nanos=(\\d+)");

    /** Records per second and MiB per second (payload bytes) of one run. */
    record Throughput(long records, double recordsPerSecond, double mibPerSecond) {}

    record Round(int round, String loadNewsline, Throughput newsline, String loadAnchor, Throughput anchor) {}

    record Result(List<Round> rounds, Map<String, String> settings, long payloadBytes) {}

    private final BenchCommand bench;
    private final int rounds;

    ProducerComparison(BenchCommand bench, int rounds) {
        this.bench = bench;
        this.rounds = rounds;
    }

    Result run() throws IOException, InterruptedException {
        Path dir = bench.work().resolve("producer");
        Files.createDirectories(dir);
        Path list = dir.resolve("files.txt");
        Path payloads = dir.resolve("payloads.txt");
        long payloadBytes = writePayloads(bench.files(), payloads);
        Files.write(list, bench.files().stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Map<String, String> settings = comparedSettings();
        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String ours = "bench.produce-newsline-" + bench.stamp() + "-r" + round;
            String theirs = "bench.produce-pp-" + bench.stamp() + "-r" + round;
            bench.cluster().createTopic(ours, bench.partitions());
            bench.cluster().createTopic(theirs, bench.partitions());

            String loadOurs = ProcStats.readLoadAverages();
            bench.progress("producer round " + round + ": newsline produce, "
                    + Fmt.count(bench.files().size()) + " files (load average " + loadOurs + ")");
            Throughput newsline = parseOurs(runChild(
                    "newsline produce round " + round,
                    List.of(
                            "-cp",
                            bench.ownClassPath(),
                            ProduceTimer.class.getName(),
                            list.toString(),
                            "--bootstrap-servers",
                            bench.bootstrap(),
                            "--schema-registry-url",
                            bench.registry(),
                            "--topic",
                            ours,
                            "--quiet"),
                    dir.resolve("newsline-r" + round + ".log")));
            String loadTheirs = ProcStats.readLoadAverages();
            bench.progress("producer round " + round + ": ProducerPerformance, " + Fmt.count(newsline.records())
                    + " records (load average " + loadTheirs + ")");
            List<String> command = new ArrayList<>(List.of(
                    "-Duser.language=en",
                    "-Duser.country=US",
                    "-cp",
                    bench.ownClassPath(),
                    "org.apache.kafka.tools.ProducerPerformance",
                    "--topic",
                    theirs,
                    "--num-records",
                    Long.toString(newsline.records()),
                    "--throughput",
                    "-1",
                    "--payload-file",
                    payloads.toString(),
                    "--payload-delimiter",
                    Character.toString(DELIMITER),
                    "--producer-props",
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + "=" + bench.bootstrap()));
            settings.forEach((key, value) -> command.add(key + "=" + value));
            Throughput anchor = parseProducerPerformance(runChild(
                    "ProducerPerformance round " + round,
                    command,
                    dir.resolve("producer-performance-r" + round + ".log")));
            bench.progress(String.format(
                    java.util.Locale.ROOT,
                    "producer round %d: newsline %s records/s, ProducerPerformance %s records/s",
                    round,
                    Fmt.number(newsline.recordsPerSecond()),
                    Fmt.number(anchor.recordsPerSecond())));
            results.add(new Round(round, loadOurs, newsline, loadTheirs, anchor));
        }
        return new Result(results, settings, payloadBytes);
    }

    /** The producer's own defaults, as `newsline produce` uses them (max file size 4 MiB, its default). */
    static Map<String, String> comparedSettings() {
        Map<String, String> settings = BenchCommand.orderedMap();
        ProducerSettings.defaults(4L * 1024 * 1024).forEach((key, value) -> {
            if (!NOT_COMPARED.contains(key)) {
                settings.put(key, value);
            }
        });
        return settings;
    }

    private String runChild(String name, List<String> command, Path log) throws InterruptedException {
        ChildJvm child = bench.launch(name, command, log);
        int status = child.await(Duration.ofMinutes(30));
        String output;
        try {
            output = Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (status != 0) {
            throw new BenchCommand.BenchFailure(
                    name + " exited with status " + status + "; its log: " + log + "\n" + child.tail());
        }
        return output;
    }

    static Throughput parseOurs(String output) {
        Matcher m = OURS.matcher(output);
        if (!m.find()) {
            throw new BenchCommand.BenchFailure("newsline produce printed no counts:\n" + output);
        }
        long records = Long.parseLong(m.group(1));
        double seconds = Long.parseLong(m.group(3)) / 1e9;
        return new Throughput(records, records / seconds, Long.parseLong(m.group(2)) / 1048576.0 / seconds);
    }

    /** The total line ProducerPerformance prints last: "N records sent, R records/sec (M MB/sec), ...". */
    static Throughput parseProducerPerformance(String output) {
        Matcher m = PP_TOTAL.matcher(output);
        Throughput last = null;
        while (m.find()) {
            last = new Throughput(
                    Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
        }
        if (last == null) {
            throw new BenchCommand.BenchFailure("ProducerPerformance printed no total:\n" + output);
        }
        return last;
    }

    /** Every file's bytes, separated by {@link #DELIMITER}; fails if a file contains it. */
    static long writePayloads(List<Path> files, Path payloads) throws IOException {
        long total = 0;
        try (OutputStream out = Files.newOutputStream(payloads)) {
            boolean first = true;
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                for (byte b : bytes) {
                    if (b == DELIMITER) {
                        throw new BenchCommand.BenchFailure(file + " contains the payload delimiter 0x1E");
                    }
                }
                if (!first) {
                    out.write(DELIMITER);
                }
                out.write(bytes);
                total += bytes.length;
                first = false;
            }
        }
        return total;
    }
}
