package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;

/** {@link CharNgramLanguageModel} must give what OpenNLP's own evaluation of the model gives. */
class CharNgramLanguageModelTest {
    private static final LanguageDetectorModel MODEL = OpenNlpLanguageDetector.loadOpenNlpModel();
    private static final CharNgramLanguageModel FAST = CharNgramLanguageModel.of(MODEL);

    /** OpenNLP's context generator: these normalisers in this order, then lower case by code point. */
    private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
            EmojiCharSequenceNormalizer.getInstance(),
            UrlCharSequenceNormalizer.getInstance(),
            TwitterCharSequenceNormalizer.getInstance(),
            NumberCharSequenceNormalizer.getInstance(),
            ShrinkCharSequenceNormalizer.getInstance());

    static final List<String> TEXTS = List.of(
            "The city council approved the new budget on Tuesday after a long debate about the cost of repairing"
                    + " the bridges that cross the river. Mr. Smith said: \"We expect 2,500 jobs in 2026.\"",
            "Le conseil municipal a approuvé mardi le nouveau budget après un long débat sur le coût.",
            "Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen.",
            "Rada miasta zatwierdziła we wtorek nowy budżet po długiej debacie na temat kosztów naprawy mostów.",
            "市政府周一宣布，横跨河流的大桥将于明年春季重新开放。居民们表示欢迎这一消息。",
            "市長は月曜日、川に架かる橋が来年の春に再開されると発表した。住民はこの知らせを歓迎した。",
            "시 정부는 월요일 강을 가로지르는 다리가 내년 봄에 다시 개통될 것이라고 발표했다.",
            "สภาเมืองประกาศเมื่อวันจันทร์ว่าสะพานข้ามแม่น้ำจะเปิดใช้งานอีกครั้งในฤดูใบไม้ผลิปีหน้า",
            "أعلن مجلس المدينة يوم الاثنين أن الجسر الذي يعبر النهر سيعاد افتتاحه في الربيع المقبل.",
            "नगर परिषद ने सोमवार को घोषणा की कि नदी पर बना पुल अगले वसंत में फिर से खुलेगा।",
            // What only OpenNLP's regular expressions handle: URL, e-mail, hashtag, mention, emoji, RT, laugh.
            "RT @newsdesk: Bridge reopens https://example.org/a-b?x=1 #infrastructure 😀 mail me: a.b@example.com",
            "hahaha jajaja the council said :) ;-) xD :P loooool!!! ---- wait\u2028\u2028\u2028 ok",
            // Full-width forms and hyphens, which OpenNLP's emoji pattern turns into spaces.
            "Ｔｏｋｙｏ－based well-known co-operative ＡＢＣ！ state-of-the-art",
            "",
            "1234 5678");

    @Test
    void probabilitiesAreOpenNlps() {
        LanguageDetectorME opennlp = new LanguageDetectorME(MODEL);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < FAST.languageCount(); i++) {
            index.put(FAST.language(i), i);
        }
        for (String text : TEXTS) {
            double[] p = FAST.probabilities(text);
            Language[] expected = opennlp.predictLanguages(text);
            assertThat(expected).hasSize(p.length);
            for (Language l : expected) {
                assertThat(p[index.get(l.getLang())])
                        .as(l.getLang() + " for " + text)
                        .isCloseTo(l.getConfidence(), within(1e-12));
            }
            CharNgramLanguageModel.Ranking ranking = FAST.rank(text);
            if (expected[0].getConfidence() > expected[1].getConfidence()) {
                assertThat(FAST.language(ranking.best())).as(text).isEqualTo(expected[0].getLang());
                assertThat(ranking.lead())
                        .isCloseTo(expected[0].getConfidence() / expected[1].getConfidence(), within(1e-9));
            }
        }
    }

    @Test
    void normalisationIsOpenNlpsOnRandomText() {
        // Characters every step of OpenNLP's normalisation reacts to, and ordinary ones around them.
        String alphabet = "aAbeEhHjJoOdDpPxXrRtT :;-()_.@#/\t\n\r\u000B\f\u0085\u2028éÉ0912ﾃＡ！\uE000世界";
        Random random = new Random(20251202);
        int plain = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(24);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            if (!CharNgramLanguageModel.needsOpenNlpNormalizer(s)) {
                plain++;
            }
            assertThat(CharNgramLanguageModel.normalizeLowerCase(s))
                    .as("[" + s + "]")
                    .isEqualTo(openNlp(s));
        }
        assertThat(plain).as("texts normalised by the fast path").isGreaterThan(3_000);
        for (String text : TEXTS) {
            assertThat(CharNgramLanguageModel.normalizeLowerCase(text)).isEqualTo(openNlp(text));
        }
    }

    @Test
    void theFastPathCoversOrdinaryProse() {
        List<String> prose = new ArrayList<>(TEXTS.subList(0, 10));
        for (String text : prose) {
            assertThat(CharNgramLanguageModel.needsOpenNlpNormalizer(text))
                    .as(text)
                    .isFalse();
        }
        assertThat(CharNgramLanguageModel.needsOpenNlpNormalizer(TEXTS.get(10))).isTrue();
        assertThat(CharNgramLanguageModel.needsOpenNlpNormalizer(TEXTS.get(11))).isTrue();
    }

    private static String openNlp(String text) {
        String normalised = OPENNLP.normalize(text).toString();
        int[] lower = normalised.codePoints().map(Character::toLowerCase).toArray();
        return new String(lower, 0, lower.length);
    }
}
