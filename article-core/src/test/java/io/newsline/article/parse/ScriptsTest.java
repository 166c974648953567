package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.enrich.ArticleEnricher;
import io.newsline.article.enrich.Enrichment;
import org.junit.jupiter.api.Test;

/**
 * One-paragraph articles in scripts without spaces or with their own punctuation keep their body; the
 * fixtures are short texts written for these tests.
 */
class ScriptsTest {
    private final ArticleParser parser = new ArticleParser();

    private ArticleParts parse(String headline, String paragraph) {
        return parser.parse(headline + "\n\n" + paragraph + "\n", Fixtures.NOW);
    }

    private static void assertBodyIs(ArticleParts a, String paragraph) {
        assertThat(a.dek()).isNull();
        assertThat(a.bodyParagraphs()).containsExactly(paragraph);
    }

    @Test
    void chinese() {
        String p = "市政府周一表示，大桥的维修工程进展顺利，预计 2026 年春季重新通车。居民对此表示欢迎。";
        ArticleParts a = parse("市政府：大桥 2026 年春季重开", p);
        assertBodyIs(a, p);
        Enrichment e = new ArticleEnricher().enrich(a);
        assertThat(e.wordCount()).isGreaterThan(20);
        assertThat(e.summary()).isEqualTo(p);
    }

    @Test
    void japanese() {
        String p = "東京都は月曜日、新しい橋が 2026年 春に開通すると発表した。住民は歓迎している。";
        assertBodyIs(parse("東京都 新しい橋 2026年 開通", p), p);
    }

    @Test
    void thai() {
        String p = "สภาเมืองกล่าวเมื่อวันจันทร์ว่า งานซ่อมสะพานคืบหน้าไปด้วยดี และสะพานจะเปิดอีกครั้งในฤดูใบไม้ผลิ";
        ArticleParts a = parse("สภาเมืองประกาศเปิดสะพานอีกครั้งในฤดูใบไม้ผลิ", p);
        assertBodyIs(a, p);
        assertThat(Texts.wordCount(p)).isGreaterThan(10);
    }

    @Test
    void arabic() {
        String p = "قال المجلس البلدي يوم الاثنين إن أعمال إصلاح الجسر تسير بشكل جيد وإن الجسر سيعاد فتحه في الربيع؟";
        assertBodyIs(parse("المجلس البلدي يعلن إعادة فتح الجسر في الربيع", p), p);
    }

    @Test
    void hindi() {
        String p =
                "नगर परिषद ने सोमवार को कहा कि पुल की मरम्मत का काम ठीक चल रहा है और पुल वसंत में फिर से खोला जाएगा।";
        assertBodyIs(parse("नगर परिषद ने पुल को वसंत में खोलने की घोषणा की", p), p);
    }

    @Test
    void aOneParagraphHtmlPageInChinese() {
        String p = "市政府周一表示，大桥的维修工程进展顺利，预计将于明年春季重新通车。居民对此表示欢迎，商户也希望客流尽快恢复。";
        String html = "<html><head><title>大桥春季重开</title><meta name=\"description\" content=\"" + p
                + "\"></head><body><article><p>" + p + "</p></article></body></html>";
        ArticleParts a = new HtmlArticleParser().parse(html, null, Fixtures.NOW);
        assertThat(a.title()).isEqualTo("大桥春季重开");
        assertThat(a.bodyParagraphs()).containsExactly(p);
    }

    @Test
    void wordCountsAndSentenceEnds() {
        assertThat(Texts.wordCount("three plain words")).isEqualTo(3);
        assertThat(Texts.wordCount("大桥重开")).isEqualTo(4);
        assertThat(Texts.wordCount("2026年 春")).isEqualTo(3);
        assertThat(Texts.endsLikeSentence("居民对此表示欢迎。")).isTrue();
        assertThat(Texts.endsLikeSentence("पुल खुलेगा।")).isTrue();
        assertThat(Texts.endsLikeSentence("a headline")).isFalse();
    }
}
