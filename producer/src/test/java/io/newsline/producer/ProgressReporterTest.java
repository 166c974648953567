package io.newsline.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.producer.read.FailureReason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private final AtomicLong nanos = new AtomicLong(1);
    private final StringWriter err = new StringWriter();
    private final RunSummary summary = new RunSummary("t", false, nanos::get);

    @Test
    void drawsTheBarAtMostTenTimesASecond() {
        ProgressReporter progress = reporter(true, false);
        progress.total(4, 4096);

        for (int i = 0; i < 50; i++) {
            summary.published(1024, "text/plain", "UTF-8");
            progress.tick(); // all at the same instant: one draw
        }
        nanos.addAndGet(ProgressReporter.MIN_REDRAW_INTERVAL_NANOS - 1);
        progress.tick();
        assertThat(draws()).isEqualTo(1);

        nanos.addAndGet(1);
        progress.tick();
        assertThat(draws()).isEqualTo(2);
    }

    @Test
    void barShowsFilesBytesAndRates() {
        ProgressReporter progress = reporter(true, false);
        progress.total(4, 4 * 1024 * 1024);
        summary.published(1024 * 1024, "text/plain", "UTF-8");
        nanos.addAndGet(500_000_000L);

        assertThat(progress.render())
                .isEqualTo("[######------------------]  25%  1/4 files  1.0 MiB/4.0 MiB  2.0 files/s  2.0 MiB/s");
    }

    @Test
    void withoutATotalShowsCountsOnly() {
        ProgressReporter progress = reporter(true, false);
        summary.published(2048, "text/plain", "UTF-8");
        summary.failed(FailureReason.EMPTY, 0);
        nanos.addAndGet(1_000_000_000L);

        assertThat(progress.render()).isEqualTo("2 files  2.0 KiB  2.0 files/s  2.0 KiB/s  (1 failed)");
    }

    @Test
    void failureLinesClearTheBarAndRedrawIt() {
        ProgressReporter progress = reporter(true, false);
        progress.total(2, 10);
        progress.tick();

        progress.failure(Path.of("/in/bad.bin"), FailureReason.BINARY, "contains NUL bytes");

        String out = err.toString();
        assertThat(out).contains("\rFAILED [binary] /in/bad.bin: contains NUL bytes" + System.lineSeparator() + "\r[");
    }

    @Test
    void withoutABarOnlyMessagesArePrintedAndQuietKeepsFailures() {
        ProgressReporter progress = reporter(false, true);
        progress.total(1, 1);
        progress.tick();
        progress.notice("SKIPPED something");
        progress.failure(Path.of("x"), FailureReason.EMPTY, "no content");
        progress.finish();

        assertThat(err.toString()).isEqualTo("FAILED [empty] x: no content" + System.lineSeparator());
    }

    private ProgressReporter reporter(boolean bar, boolean quiet) {
        return new ProgressReporter(new PrintWriter(err, true), bar, quiet, summary, nanos::get);
    }

    private long draws() {
        return err.toString().chars().filter(c -> c == '\r').count();
    }
}
