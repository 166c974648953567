package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.producer.read.FailureReason;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void summarisesPublishedFailedAndDuplicateFiles() {
        RunSummary summary = new RunSummary("news.articles.raw", false, nanos::get);
        summary.published(3000, "text/plain", "UTF-8");
        summary.published(2939, "text/html", "ISO-8859-1");
        summary.failed(FailureReason.BINARY, 10);
        summary.failed(FailureReason.EMPTY, 0);
        summary.failed(FailureReason.BINARY, 20);
        summary.duplicate(100);
        nanos.set(2_000_000_000L);
        summary.finish();

        assertThat(summary.filesDone()).isEqualTo(6);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.failed(FailureReason.BINARY)).isEqualTo(2);
        assertThat(summary.hasFailures()).isTrue();
        assertThat(summary.lines())
                .containsExactly(
                        "Published:     2 files, 5.8 KiB to news.articles.raw (text/html 1, text/plain 1; ISO-8859-1 1,"
                                + " UTF-8 1)",
                        "Failed:        3 files (empty 1, binary 2)",
                        "Duplicates:    1 file skipped (--skip-identical: same bytes as a file sent earlier in this run)",
                        "Elapsed:       2.0 s (3.0 files/s, 3.0 KiB/s)");
    }

    @Test
    void dryRunSaysNothingWasSent() {
        RunSummary summary = new RunSummary("t", true, nanos::get);
        summary.published(10, "text/plain", "UTF-8");
        summary.notRead(4);

        assertThat(summary.hasFailures()).isFalse();
        assertThat(summary.lines())
                .first()
                .isEqualTo("Would publish: 1 file, 10 B to t (text/plain 1; UTF-8 1) - dry run, nothing sent");
        assertThat(summary.lines()).contains("Failed:        0", "Not read:      4 files (the run was stopped)");
    }
}
