package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StopwordLanguageDetectorTest {
    private final LanguageDetector detector = new StopwordLanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "en | The council said that it would vote on the plan for the new tram line in the spring.",
                "fr | Le conseil a dit que la ligne de tramway sera construite dans le port avec les fonds de la ville.",
                "de | Der Rat hat gesagt, dass die neue Straßenbahn im Frühjahr gebaut wird und nicht mehr warten muss.",
                "es | El consejo dijo que la nueva línea de tranvía se construirá en la ciudad con los fondos del puerto.",
                "it | Il consiglio ha detto che la nuova linea del tram sarà costruita nella città con i fondi del porto.",
                "pt | O conselho disse que a nova linha de bonde será construída na cidade com os fundos do porto.",
                "nl | De raad heeft gezegd dat de nieuwe tramlijn in het voorjaar wordt gebouwd en niet meer hoeft te wachten.",
            })
    void detectsTheLanguageOfASentence(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "Lisbon", "Ada Lovell Harbour City", "xkcd qwerty zxcvb plmokn"})
    void isUndeterminedWithoutEnoughEvidence(String text) {
        assertThat(detector.detect(text)).isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
