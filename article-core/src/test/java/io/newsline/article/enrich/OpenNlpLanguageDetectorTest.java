package io.newsline.article.enrich;

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
    void detectsChineseJapaneseKoreanThaiArabicHindiRussianGreekAndHebrew() {
        assertThat(detector.detect("市政府周一宣布，横跨河流的大桥将于明年春季重新开放。居民们表示欢迎这一消息，但商户担心施工期间的损失。"))
                .isEqualTo("zh");
        assertThat(detector.detect("市長は月曜日、川に架かる橋が来年の春に再開されると発表した。住民はこの知らせを歓迎したが、商店主は工事中の損失を心配している。"))
                .isEqualTo("ja");
        assertThat(detector.detect("시 정부는 월요일 강을 가로지르는 다리가 내년 봄에 다시 개통될 것이라고 발표했다. 주민들은 이 소식을 환영했다."))
                .isEqualTo("ko");
        assertThat(
                        detector.detect(
                                "สภาเมืองประกาศเมื่อวันจันทร์ว่าสะพานข้ามแม่น้ำจะเปิดใช้งานอีกครั้งในฤดูใบไม้ผลิปีหน้า ชาวบ้านต่างยินดีกับข่าวนี้"))
                .isEqualTo("th");
        assertThat(
                        detector.detect(
                                "أعلن مجلس المدينة يوم الاثنين أن الجسر الذي يعبر النهر سيعاد افتتاحه في الربيع المقبل. ورحب السكان بهذا الخبر."))
                .isEqualTo("ar");
        assertThat(
                        detector.detect(
                                "नगर परिषद ने सोमवार को घोषणा की कि नदी पर बना पुल अगले वसंत में फिर से खुलेगा। निवासियों ने इस खबर का स्वागत किया।"))
                .isEqualTo("hi");
        assertThat(detector.detect(
                        "Городской совет в понедельник объявил, что мост через реку вновь откроется следующей весной."))
                .isEqualTo("ru");
        assertThat(
                        detector.detect(
                                "Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι η γέφυρα πάνω από τον ποταμό θα ανοίξει ξανά."))
                .isEqualTo("el");
        // Hebrew is "he", not the withdrawn "iw" that java.util.Locale still lists.
        assertThat(detector.detect(
                        "מועצת העיר הודיעה ביום שני כי הגשר מעל הנהר ייפתח מחדש באביב הבא. התושבים בירכו על החדשות."))
                .isEqualTo("he");
    }

    @Test
    void theFirstPassAnswersLikeTheWholeTextWhenItIsSure() {
        LanguageDetector wholeText = new OpenNlpLanguageDetector(new StopwordLanguageDetector(), 0);
        String english = "The city council approved the new budget on Tuesday after a long debate about the cost of"
                + " repairing the bridges that cross the river. ";
        String french = "Le conseil municipal a approuvé mardi le nouveau budget après un long débat sur le coût de"
                + " la réparation des ponts qui traversent la rivière. ";
        String longEnglish = english.repeat(8);
        assertThat(longEnglish.length()).isGreaterThan(OpenNlpLanguageDetector.PREFIX_CHARS);
        assertThat(detector.detect(longEnglish))
                .isEqualTo(wholeText.detect(longEnglish))
                .isEqualTo("en");
        String longFrench = french.repeat(8);
        assertThat(detector.detect(longFrench))
                .isEqualTo(wholeText.detect(longFrench))
                .isEqualTo("fr");
        // The start decides when it is clear: an English lead over a longer French rest stays English.
        String mixed = english + english + french.repeat(10);
        assertThat(detector.detect(mixed)).isEqualTo("en");
        assertThat(wholeText.detect(mixed)).isEqualTo("fr");
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
        assertThat(OpenNlpLanguageDetector.toIso6391("heb")).isEqualTo("he");
        assertThat(OpenNlpLanguageDetector.toIso6391("ind")).isEqualTo("id");
    }
}
