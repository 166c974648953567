package io.newsline.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static DeadLetter deadLetter(int offset, Instant time, String exception, String message, String sourceTopic) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("origin", "producer-host"));
        headers.add(header(DeadLetter.EXCEPTION, exception));
        headers.add(header(DeadLetter.MESSAGE, message));
        headers.add(header(DeadLetter.STACKTRACE, exception + ": " + message + "\n\tat somewhere"));
        if (sourceTopic != null) {
            headers.add(header(DeadLetter.TOPIC, sourceTopic));
        }
        headers.add(header(DeadLetter.PARTITION, "2"));
        headers.add(header(DeadLetter.OFFSET, "41"));
        return new DeadLetter(
                1, offset, time, ("key-" + offset).getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheReasonAndTheSourceFromTheStreamsHeaders() {
        DeadLetter letter = deadLetter(
                7, T, "io.newsline.serde.UnknownMagicByteException", "Unknown magic byte 120", "news.articles.raw");

        assertThat(letter.position()).isEqualTo("dlq/1/7");
        assertThat(letter.reason()).isEqualTo("io.newsline.serde.UnknownMagicByteException: Unknown magic byte 120");
        assertThat(letter.shortReason()).isEqualTo("UnknownMagicByteException: Unknown magic byte 120");
        assertThat(letter.source()).isEqualTo("news.articles.raw/2/41");
        assertThat(letter.keyText()).isEqualTo("key-7");
        assertThat(letter.valueSize()).isEqualTo(3);
    }

    @Test
    void anExceptionWithoutMessageOrMissingHeadersStillHasAReason() {
        DeadLetter letter = new DeadLetter(0, 3, T, null, null, List.of(header(DeadLetter.EXCEPTION, null)));

        assertThat(letter.reason()).isEqualTo("?");
        assertThat(letter.source()).isEqualTo("?/?/?");
        assertThat(letter.keyText()).isNull();
        assertThat(letter.valueSize()).isZero();
        assertThat(letter.sourceTopic()).isNull();
    }

    @Test
    void replayHeadersDropTheStreamsErrorsAndAnEarlierReplayMarkAndSayWhereTheReplayCameFrom() {
        List<Header> headers =
                new ArrayList<>(deadLetter(7, T, "X", "m", "news.articles.raw").headers());
        headers.add(header(DeadLetter.REPLAYED_FROM, "dlq/0/1"));
        DeadLetter letter = new DeadLetter(1, 7, T, new byte[] {107}, new byte[] {9}, headers);

        assertThat(letter.replayedFrom()).isEqualTo("dlq/0/1");
        assertThat(letter.headersForReplay())
                .extracting(Header::key)
                .containsExactly("origin", DeadLetter.REPLAYED_FROM);
        assertThat(new String(letter.headersForReplay().get(1).value(), StandardCharsets.UTF_8))
                .isEqualTo("dlq/1/7");
    }

    @Test
    void aReplayRecordCarriesTheBytesUnchangedToTheSourcePartitionWhenItExists() {
        DeadLetter letter = deadLetter(7, T, "X", "m", "news.articles.raw");
        DeadLetterReplayer.Planned planned = new DeadLetterReplayer.Planned(letter, "news.articles.raw");

        ProducerRecord<byte[], byte[]> record = DeadLetterReplayer.recordFor(planned, 6);
        assertThat(record.topic()).isEqualTo("news.articles.raw");
        assertThat(record.partition()).isEqualTo(2);
        assertThat(record.key()).isEqualTo("key-7".getBytes(StandardCharsets.UTF_8));
        assertThat(record.value()).containsExactly(1, 2, 3);
        assertThat(record.timestamp()).isNull();
        assertThat(record.headers().lastHeader(DeadLetter.EXCEPTION)).isNull();
        assertThat(record.headers().lastHeader(DeadLetter.REPLAYED_FROM).value())
                .isEqualTo("dlq/1/7".getBytes(StandardCharsets.UTF_8));

        assertThat(DeadLetterReplayer.recordFor(planned, 2).partition())
                .as("the topic has fewer partitions now: the partitioner decides")
                .isNull();
    }

    @Test
    void replayGoesOnlyToTopicsTheStreamsAppReads() {
        ReplayTargets targets = new ReplayTargets("newsline-streams");

        assertThat(targets.targetOf(deadLetter(1, T, "X", "m", "news.articles.raw")))
                .isEqualTo("news.articles.raw");
        assertThat(targets.targetOf(deadLetter(2, T, "X", "m", "newsline-streams-articles-by-fingerprint-repartition")))
                .isEqualTo("newsline-streams-articles-by-fingerprint-repartition");
        assertThatThrownBy(() -> targets.targetOf(deadLetter(3, T, "X", "m", "news.timelines")))
                .isInstanceOf(ReplayTargets.Refused.class)
                .hasMessageContaining("dlq/1/3 came from news.timelines, which the streams app does not read")
                .hasMessageContaining("--application-id");
        assertThatThrownBy(() ->
                        targets.targetOf(deadLetter(4, T, "X", "m", "other-app-articles-by-fingerprint-repartition")))
                .isInstanceOf(ReplayTargets.Refused.class);
        assertThatThrownBy(() -> targets.targetOf(deadLetter(5, T, "X", "m", null)))
                .isInstanceOf(ReplayTargets.Refused.class)
                .hasMessageContaining("has no __streams.errors.topic header");
    }

    @Test
    void theFilterMatchesClassOrMessageIgnoringCaseAndTheTime() {
        DeadLetter magic = deadLetter(
                1, T, "io.newsline.serde.UnknownMagicByteException", "Unknown magic byte 120", "news.articles.raw");
        DeadLetter noBody = deadLetter(
                2,
                T.plusSeconds(3600),
                "io.newsline.article.parse.UnparseableArticleException",
                "article 1 has a headline but no body text",
                "news.articles.raw");

        assertThat(List.of(magic, noBody).stream()
                        .filter(new DeadLetterFilter("MAGICBYTE", null))
                        .toList())
                .containsExactly(magic);
        assertThat(List.of(magic, noBody).stream()
                        .filter(new DeadLetterFilter("no body", null))
                        .toList())
                .containsExactly(noBody);
        assertThat(List.of(magic, noBody).stream()
                        .filter(new DeadLetterFilter(null, T.plusSeconds(1)))
                        .toList())
                .containsExactly(noBody);
        assertThat(List.of(magic, noBody).stream()
                        .filter(new DeadLetterFilter("exception", T))
                        .toList())
                .containsExactly(magic, noBody);
        assertThat(List.of(magic, noBody).stream().filter(DeadLetterFilter.ALL).toList())
                .hasSize(2);
        assertThat(new DeadLetterFilter("no body", T).describe())
                .isEqualTo("reason ~ \"no body\", since 2026-12-01T10:00:00Z");
    }

    @Test
    void countsByReasonMostFrequentFirst() {
        DeadLetter a = deadLetter(1, T, "a.X", "one", "news.articles.raw");
        DeadLetter b = deadLetter(2, T, "a.Y", "two", "news.articles.raw");
        DeadLetter c = deadLetter(3, T, "a.Y", "two", "news.articles.raw");

        Map<String, Long> counts = DeadLetterReader.countByReason(List.of(a, b, c), DeadLetter::shortReason);

        assertThat(counts).containsExactly(Map.entry("Y: two", 2L), Map.entry("X: one", 1L));
    }

    @Test
    void sinceTakesTimesDatesAndDurations() {
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);

        assertThat(Since.parse("2026-11-30T08:15:00Z", clock)).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(Since.parse("2026-11-30T10:15:00+02:00", clock)).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(Since.parse("2026-11-30T08:15", clock)).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(Since.parse("2026-11-30", clock)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(Since.parse("PT2H", clock)).isEqualTo(T.minusSeconds(7200));
        assertThat(Since.parse("p1d", clock)).isEqualTo(T.minusSeconds(86400));
        assertThat(Since.parse("30m", clock)).isEqualTo(T.minusSeconds(1800));
        assertThat(Since.parse("2h", clock)).isEqualTo(T.minusSeconds(7200));
        assertThat(Since.parse("7d", clock)).isEqualTo(T.minusSeconds(7 * 86400));
        assertThat(Since.parse("90s", clock)).isEqualTo(T.minusSeconds(90));
        assertThatThrownBy(() -> Since.parse("yesterday", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--since 'yesterday'")
                .hasMessageContaining("PT2H");
    }
}
