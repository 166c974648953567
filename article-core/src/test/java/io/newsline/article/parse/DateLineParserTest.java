package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateLineParserTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "May, 13 2025                                  | 2025-05-13T00:00:00Z",
                "May 13, 2025                                  | 2025-05-13T00:00:00Z",
                "13 May 2025                                   | 2025-05-13T00:00:00Z",
                "13th May 2025                                 | 2025-05-13T00:00:00Z",
                "Sept. 3, 2025                                 | 2025-09-03T00:00:00Z",
                "September 3rd, 2025                           | 2025-09-03T00:00:00Z",
                "2025-09-03                                    | 2025-09-03T00:00:00Z",
                "2025-09-03T14:30:00Z                          | 2025-09-03T14:30:00Z",
                "2025-09-03T14:30:00.250+02:00                 | 2025-09-03T12:30:00Z",
                "2025-09-03 14:30                              | 2025-09-03T14:30:00Z",
                "Published: May 13, 2025                       | 2025-05-13T00:00:00Z",
                "Updated: 3 September 2025 10:30 BST           | 2025-09-03T09:30:00Z",
                "Published Sept. 3, 2025 at 4:05 p.m. EDT      | 2025-09-03T20:05:00Z",
                "Wednesday, 3 September 2025                   | 2025-09-03T00:00:00Z",
                "Posted on Jan 2, 2024, 12:00 AM UTC           | 2024-01-02T00:00:00Z",
                "Tuesday 3 September 2025 14.05 BST            | 2025-09-03T13:05:00Z",
                "Sep 3, 2025 at 2:05 p.m. ET                   | 2025-09-03T18:05:00Z",
                "03/09/2025 14:05                              | 2025-09-03T14:05:00Z",
                "14:05 BST, Tuesday 3 September 2025           | 2025-09-03T13:05:00Z",
                "Updated 11:34 PM EST Sep 2, 2025              | 2025-09-03T04:34:00Z",
                "Sep 3, 2025 9pm                               | 2025-09-03T21:00:00Z",
                "3 September 2025 14:05 UTC+2                  | 2025-09-03T12:05:00Z",
                "3 September 2025 14h05 CEST                   | 2025-09-03T12:05:00Z",
                "30. Juli 2018                                 | 2018-07-30T00:00:00Z",
            })
    void readsDateFormats(String line, String expected) {
        assertThat(DateLineParser.parseLine(line))
                .map(DateLineParser.DateLine::instant)
                .contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "February 30, 2025",
                "2025-13-01",
                "On May 13, 2025, the talks resumed in Doha.",
                "Talks resumed",
                "0001-01-01T00:00:00Z",
                "03/09/2025 in room 12.30",
            })
    void rejectsLinesThatAreNotValidDateLines(String line) {
        assertThat(DateLineParser.parseLine(line)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"May, 13 2025 Benjamin Calderwood", "May 13, 2025 | By Benjamin Calderwood"})
    void readsTheBylineAfterTheDate(String line) {
        Optional<DateLineParser.DateLine> d = DateLineParser.parseLine(line);

        assertThat(d).map(DateLineParser.DateLine::bylines).hasValueSatisfying(b -> assertThat(b)
                .containsExactly("Benjamin Calderwood"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Updated: 14 March 2024", "Last updated 14 March 2024"})
    void marksUpdatedDates(String line) {
        assertThat(DateLineParser.parseLine(line))
                .map(DateLineParser.DateLine::updated)
                .contains(true);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Published: 13 March 2024 · Updated: 14 March 2024",
                "Updated 14 March 2024, published 13 March 2024"
            })
    void prefersThePublishedDateOnALineWithBoth(String line) {
        assertThat(DateLineParser.parseLine(line))
                .map(DateLineParser.DateLine::instant)
                .contains(Instant.parse("2024-03-13T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Officials said on 13 May 2025 that talks would go on", "The budget for 2025-09-03 rose"})
    void firstDateFindsADateInsideASentence(String text) {
        assertThat(DateLineParser.firstDate(text)).isPresent();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "13/08/2025          | UNKNOWN     | 2025-08-13",
                "08/13/2025          | DAY_FIRST   | 2025-08-13",
                "03/09/2025          | UNKNOWN     | 2025-09-03",
                "03/09/2025          | MONTH_FIRST | 2025-03-09",
                "03.09.2025          | UNKNOWN     | 2025-09-03",
                "09/03/2025 2:05 PM ET | DAY_FIRST | 2025-09-03",
                "03/09/2025 14:05 BST | MONTH_FIRST | 2025-09-03",
                "11/13/19            | UNKNOWN     | 2019-11-13",
            })
    void ordersNumericDatesByTheRule(String line, DayMonthOrder order, String expected) {
        assertThat(DateLineParser.parseLine(line, order))
                .map(DateLineParser.DateLine::localDate)
                .contains(java.time.LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Sep 2, 2025 9:24 pm ET    | 2025-09-02",
                "2025-09-03T01:24:00Z      | 2025-09-03",
                "2025-09-02T21:24:00-04:00 | 2025-09-02",
            })
    void keepsThePrintedCalendarDate(String line, String local) {
        assertThat(DateLineParser.parseLine(line))
                .map(DateLineParser.DateLine::localDate)
                .contains(java.time.LocalDate.parse(local));
    }

    @org.junit.jupiter.api.Test
    void localeRule() {
        assertThat(DayMonthOrder.forLocale("en-US", null)).isEqualTo(DayMonthOrder.MONTH_FIRST);
        assertThat(DayMonthOrder.forLocale("pt_BR", null)).isEqualTo(DayMonthOrder.DAY_FIRST);
        assertThat(DayMonthOrder.forLocale("de", null)).isEqualTo(DayMonthOrder.DAY_FIRST);
        assertThat(DayMonthOrder.forLocale("en", "https://www.example.co.uk/news/1"))
                .isEqualTo(DayMonthOrder.DAY_FIRST);
        assertThat(DayMonthOrder.forLocale("en", "https://www.example.com/news/1"))
                .isEqualTo(DayMonthOrder.UNKNOWN);
    }
}
