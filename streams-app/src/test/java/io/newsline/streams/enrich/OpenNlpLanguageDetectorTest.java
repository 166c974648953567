package io.newsline.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {
    private final OpenNlpLanguageDetector detector = new OpenNlpLanguageDetector();

    @Test
    void detectsEnglishFrenchGermanAndSpanishArticles() {
        assertThat(detector.detect("The city council approved the new budget on Tuesday after a long debate about"
                        + " the cost of repairing the bridges that cross the river."))
                .isEqualTo("en");
        assertThat(detector.detect("Le conseil municipal a approuvé mardi le nouveau budget après un long débat sur"
                        + " le coût de la réparation des ponts qui traversent la rivière."))
                .isEqualTo("fr");
        assertThat(detector.detect("Der Stadtrat hat am Dienstag nach einer langen Debatte über die Kosten für die"
                        + " Reparatur der Brücken über den Fluss den neuen Haushalt beschlossen."))
                .isEqualTo("de");
        assertThat(detector.detect("El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre"
                        + " el coste de reparar los puentes que cruzan el río."))
                .isEqualTo("es");
    }

    @Test
    void detectsALanguageTheStopwordProfilesDoNotKnow() {
        assertThat(detector.detect("Rada miasta zatwierdziła we wtorek nowy budżet po długiej debacie na temat"
                        + " kosztów naprawy mostów na rzece."))
                .isEqualTo("pl");
        assertThat(detector.detect("Gradsko vijeće u utorak je nakon duge rasprave o troškovima popravka mostova"
                        + " preko rijeke odobrilo novi proračun za sljedeću godinu."))
                .isEqualTo("hr");
    }

    @Test
    void shortTextFallsBackToTheStopwordProfiles() {
        assertThat(detector.detect("Hi")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detector.detect("")).isEqualTo(LanguageDetector.UNDETERMINED);
    }

    @Test
    void mapsIso6393CodesToIso6391WhereOneExists() {
        assertThat(OpenNlpLanguageDetector.toIso6391("eng")).isEqualTo("en");
        assertThat(OpenNlpLanguageDetector.toIso6391("deu")).isEqualTo("de");
        assertThat(OpenNlpLanguageDetector.toIso6391("cmn")).isEqualTo("zh");
        assertThat(OpenNlpLanguageDetector.toIso6391("ceb")).isEqualTo("ceb");
    }
}
