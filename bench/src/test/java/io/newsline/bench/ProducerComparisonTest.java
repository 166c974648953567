package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerComparisonTest {

    @Test
    void readsProducerPerformancesTotalLineNotItsProgressLines() {
        String output =
                """
                41000 records sent, 8197.2 records/sec (11.80 MB/sec), 80.1 ms avg latency, 300.0 ms max latency.
                12825 records sent, 9011.5 records/sec (12.97 MB/sec), 61.23 ms avg latency, 412.00 ms max latency, \
                55 ms 50th, 201 ms 95th, 390 ms 99th, 410 ms 99.9th.
                """;

        ProducerComparison.Throughput total = ProducerComparison.parseProducerPerformance(output);

        assertThat(total.records()).isEqualTo(12825);
        assertThat(total.recordsPerSecond()).isEqualTo(9011.5);
        assertThat(total.mibPerSecond()).isEqualTo(12.97);
    }

    @Test
    void failsWhenProducerPerformancePrintedNoTotal() {
        assertThatThrownBy(() -> ProducerComparison.parseProducerPerformance("Exception in thread main"))
                .isInstanceOf(BenchCommand.BenchFailure.class);
    }

    @Test
    void readsTheProduceTimersLine() {
        ProducerComparison.Throughput ours =
                ProducerComparison.parseOurs("some log line\nBENCH published=1000 bytes=2097152 nanos=2000000000\n");

        assertThat(ours.records()).isEqualTo(1000);
        assertThat(ours.recordsPerSecond()).isEqualTo(500.0);
        assertThat(ours.mibPerSecond()).isEqualTo(1.0);
    }

    @Test
    void comparedSettingsAreTheProducersDefaultsWithoutSerializersOrClientId() {
        var settings = ProducerComparison.comparedSettings();

        assertThat(settings)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsKeys("compression.type", "linger.ms", "batch.size")
                .doesNotContainKeys("key.serializer", "value.serializer", "client.id");
    }

    @Test
    void payloadsAreTheFilesBytesBetweenDelimiters(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "First story.\nLine two.");
        Path b = Files.writeString(dir.resolve("b.txt"), "Zweite Geschichte: Übergröße.");
        Path payloads = dir.resolve("payloads");

        long bytes = ProducerComparison.writePayloads(List.of(a, b), payloads);

        String written = Files.readString(payloads, StandardCharsets.UTF_8);
        assertThat(written.split(String.valueOf(ProducerComparison.DELIMITER)))
                .containsExactly("First story.\nLine two.", "Zweite Geschichte: Übergröße.");
        assertThat(bytes).isEqualTo(Files.size(a) + Files.size(b));
    }

    @Test
    void refusesAFileThatContainsTheDelimiter(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "a\u001eb");

        assertThatThrownBy(() -> ProducerComparison.writePayloads(List.of(bad), dir.resolve("p")))
                .isInstanceOf(BenchCommand.BenchFailure.class)
                .hasMessageContaining("bad.txt");
    }
}
