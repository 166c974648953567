package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.get();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Israel       | Israel                | LOCATION",
                "Israeli      | Israel                | LOCATION",
                "Israelis     | Israel                | LOCATION",
                "American     | United States         | LOCATION",
                "U.S.         | United States         | LOCATION",
                "US           | United States         | LOCATION",
                "USA          | United States         | LOCATION",
                "Qatari       | Qatar                 | LOCATION",
                "Doha         | Doha                  | LOCATION",
                "Gaza         | Gaza                  | LOCATION",
                "Gaza City    | Gaza City             | LOCATION",
                "Gaza Strip   | Gaza                  | LOCATION",
                "Hamas        | Hamas                 | ORGANIZATION",
                "IDF          | Israel Defense Forces | ORGANIZATION",
                "Red Cross    | Red Cross             | ORGANIZATION",
                // from the alias table (aliases.tsv)
                "Fed          | Federal Reserve       | ORGANIZATION",
                "SEC          | Securities and Exchange Commission | ORGANIZATION",
                "Congress     | United States Congress | ORGANIZATION",
                "UKIP         | UK Independence Party | ORGANIZATION",
                "Big Board    | New York Stock Exchange | ORGANIZATION",
                "UN           | United Nations        | ORGANIZATION",
                "EU           | European Union        | ORGANIZATION",
                "Labour       | Labour Party          | ORGANIZATION",
            })
    void resolvesSurfaceForms(String surface, String canonical, EntityKind type) {
        Gazetteer.Entry e = gazetteer.lookup(surface);

        assertThat(e).isNotNull();
        assertThat(e.canonical()).isEqualTo(canonical);
        assertThat(e.type()).isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"us", "israel", "Netanyahu"})
    void isCaseSensitiveAndHoldsNoPeople(String surface) {
        assertThat(gazetteer.lookup(surface)).isNull();
    }
}
