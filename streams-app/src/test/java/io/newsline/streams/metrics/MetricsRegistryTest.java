package io.newsline.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.streams.errors.FailureStats;
import org.junit.jupiter.api.Test;

class MetricsRegistryTest {

    @Test
    void recordsTheGlobalThreadSkippedAreCountedByReason() {
        FailureStats.shared().record(FailureStats.Outcome.DROPPED_GLOBAL, new IllegalStateException("unreadable"));
        long total = FailureStats.shared()
                .byReason(FailureStats.Outcome.DROPPED_GLOBAL)
                .get(IllegalStateException.class.getName());

        try (MetricsRegistry metrics = new MetricsRegistry()) {
            assertThat(metrics.scrape())
                    .contains("newsline_global_records_skipped_total{reason=\"java.lang.IllegalStateException\"} "
                            + (double) total);
        }
    }

    @Test
    void deadLettersAreCountedByReasonAsBefore() {
        FailureStats.shared().record(FailureStats.Outcome.DEAD_LETTERED, new ArithmeticException("bad"));

        try (MetricsRegistry metrics = new MetricsRegistry()) {
            assertThat(metrics.scrape())
                    .contains("newsline_dead_letters_total{reason=\"java.lang.ArithmeticException\"}");
        }
    }

    @Test
    void failuresOutsideAnySourceRecordAreCountedByReason() {
        FailureStats.shared().record(FailureStats.Outcome.DROPPED_NO_SOURCE, new ArrayStoreException("bad"));
        long total = FailureStats.shared()
                .byReason(FailureStats.Outcome.DROPPED_NO_SOURCE)
                .get(ArrayStoreException.class.getName());

        try (MetricsRegistry metrics = new MetricsRegistry()) {
            assertThat(metrics.scrape())
                    .contains("newsline_punctuation_failures_total{reason=\"java.lang.ArrayStoreException\"} "
                            + (double) total);
        }
    }
}
