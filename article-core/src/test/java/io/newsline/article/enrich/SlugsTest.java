package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Benjamin Netanyahu   | benjamin-netanyahu",
                "United States        | united-states",
                "Gaza City            | gaza-city",
                "São Paulo            | sao-paulo",
                "Bogotá               | bogota",
                "O'Brien              | obrien",
                "Paul O\u2019Connell  | paul-oconnell",
                "al-Qaeda             | al-qaeda",
                "U.S.                 | us",
                "Straße               | strasse",
                "G7 -- Summit!        | g7-summit",
            })
    void makesLowercaseAsciiHyphenSlugs(String name, String slug) {
        assertThat(Slugs.slug(name)).isEqualTo(slug);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"\u05D9\u05E8\u05D5\u05E9\u05DC\u05D9\u05DD", "\u5317\u4EAC"})
    void givesAStableHashSlugToNamesWithoutLatinLetters(String name) {
        assertThat(Slugs.slug(name)).matches("x-[0-9a-f]{8}").isEqualTo(Slugs.slug(name));
    }
}
