package io.newsline.article.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadNumbersTest {
    private static Map<String, Integer> numbers(String text) {
        Map<String, Integer> counts = new HashMap<>();
        LeadNumbers.count(text, counts, 100);
        return counts;
    }

    @Test
    void decimalsKeepTheirPointAndThousandsLoseTheirCommas() {
        assertThat(numbers("A 6.1 quake killed 2,500 people in 1987."))
                .containsOnly(Map.entry("6.1", 1), Map.entry("2500", 1), Map.entry("1987", 1));
    }

    @Test
    void aNumberPrintedTwiceCountsTwice() {
        assertThat(numbers("Shares rose 15 cts; they had fallen 15 cts.")).containsOnly(Map.entry("15", 2));
    }

    @Test
    void singleDigitsAndNumbersGluedToAWordAreLeftOut() {
        assertThat(numbers("3 men, the 3rd at 10am, the 1980s, an A380 and F-16 jets"))
                .containsOnly(Map.entry("16", 1));
    }

    @Test
    void aPointOrCommaNotFollowedByADigitEndsTheNumber() {
        assertThat(numbers("It cost 45. Then 12, then 7.")).containsOnly(Map.entry("45", 1), Map.entry("12", 1));
    }

    @Test
    void runsLongerThanAnyFigureAreLeftOut() {
        assertThat(numbers("1234567890123 and 123456789012")).containsOnly(Map.entry("123456789012", 1));
    }

    @Test
    void onlyTheFirstDistinctNumbersAreKeptButTheyGoOnCounting() {
        Map<String, Integer> counts = new HashMap<>();
        LeadNumbers.count("10 11 12 10", counts, 2);
        assertThat(counts).containsOnly(Map.entry("10", 2), Map.entry("11", 1));
    }

    @Test
    void aHostileRunOfDottedDigitsIsScannedWithoutRecursion() {
        String hostile = "1.".repeat(200_000) + "1";
        assertThatCode(() -> numbers(hostile)).doesNotThrowAnyException();
        assertThat(numbers(hostile)).isEmpty(); // one run of 400,001 characters: no figure
    }

    @Test
    void yearsAreTheLastTwoCenturiesFourDigits() {
        assertThat(LeadNumbers.isYear("1987")).isTrue();
        assertThat(LeadNumbers.isYear("2013")).isTrue();
        assertThat(LeadNumbers.isYear("1850")).isFalse();
        assertThat(LeadNumbers.isYear("198")).isFalse();
    }
}
