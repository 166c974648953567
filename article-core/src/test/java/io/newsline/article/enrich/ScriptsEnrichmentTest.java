package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sentence splitting and word counts in scripts other than Latin; the fixtures are written for these tests. */
class ScriptsEnrichmentTest {
    @Test
    void splitsChineseAndJapaneseSentencesWithoutSpaces() {
        assertThat(SentenceSplitter.split("市政府周一宣布大桥将于春季重开。居民表示欢迎！商户呢？"))
                .containsExactly("市政府周一宣布大桥将于春季重开。", "居民表示欢迎！", "商户呢？");
        assertThat(SentenceSplitter.split("市長は「橋は春に開く。」と述べた。住民は喜んだ｡"))
                .containsExactly("市長は「橋は春に開く。」", "と述べた。", "住民は喜んだ｡");
    }

    @Test
    void splitsArabicAndHindiSentences() {
        assertThat(SentenceSplitter.split("هل سيفتح الجسر؟ قال المجلس إنه سيفتح في الربيع. رحب السكان بالخبر."))
                .containsExactly("هل سيفتح الجسر؟", "قال المجلس إنه سيفتح في الربيع.", "رحب السكان بالخبر.");
        assertThat(SentenceSplitter.split("पुल वसंत में खुलेगा। निवासियों ने स्वागत किया॥ दुकानदार खुश हैं।"))
                .containsExactly("पुल वसंत में खुलेगा।", "निवासियों ने स्वागत किया॥", "दुकानदार खुश हैं।");
    }

    @Test
    void englishSplittingIsUnchanged() {
        assertThat(SentenceSplitter.split("Dr. Ada J. Lovell met U.S. envoys. They agreed. e.g. not here"))
                .containsExactly("Dr. Ada J. Lovell met U.S. envoys.", "They agreed. e.g. not here");
    }

    @Test
    void tokensOfChineseJapaneseAndThaiAreWordsNotParagraphs() {
        assertThat(Tokenizer.tokenize("大桥将于2026年春季重开")).hasSize(10);
        assertThat(Tokenizer.tokenize("東京都は橋を開く").stream().map(Tokenizer.Token::text))
                .containsExactly("東", "京", "都", "は", "橋", "を", "開", "く");
        assertThat(Tokenizer.tokenize("สภาเมืองประกาศเปิดสะพาน").size()).isGreaterThan(3);
    }
}
