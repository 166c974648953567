package io.newsline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundred() {
        List<Long> values = new ArrayList<>();
        for (long i = 100; i >= 1; i--) { // unsorted on purpose
            values.add(i);
        }

        assertThat(Percentiles.of(values, 50)).isEqualTo(50);
        assertThat(Percentiles.of(values, 99)).isEqualTo(99);
        assertThat(Percentiles.of(values, 100)).isEqualTo(100);
        assertThat(Percentiles.of(values, 0.5)).isEqualTo(1);
    }

    @Test
    void smallSamplesGiveAMeasuredValue() {
        assertThat(Percentiles.of(List.of(7L), 50)).isEqualTo(7);
        assertThat(Percentiles.of(List.of(7L), 99)).isEqualTo(7);
        // Ten values: p99 is the largest, p50 the fifth.
        List<Long> ten = new ArrayList<>(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 1000L));
        Collections.shuffle(ten, new java.util.Random(1));
        assertThat(Percentiles.of(ten, 50)).isEqualTo(50);
        assertThat(Percentiles.of(ten, 99)).isEqualTo(1000);
    }

    @Test
    void refusesNoValuesAndOutOfRangePercentiles() {
        assertThatThrownBy(() -> Percentiles.of(List.of(), 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(List.of(1L), 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
