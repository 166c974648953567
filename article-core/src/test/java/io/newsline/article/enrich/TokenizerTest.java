package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void theTokenizerKeepsItsWords() {
        assertThat(Tokenizer.tokenize("Mr. al-Sisi's U.S. visit, don't re-run it: 3.5 cafés").stream()
                        .map(Tokenizer.Token::text))
                .containsExactly("Mr.", "al-Sisi", "U.S.", "visit", "don't", "re-run", "it", "3", "5", "cafés");
    }

    @Test
    void wordsAreTheTextsOfTheTokens() {
        String text = "Mr. al-Sisi's U.S. visit, don’t re-run it: 3.5 cafés. Netanyahu’s talks in 東京 and"
                + " ภาษาไทยง่ายนิดเดียว; Dr Smith's NATO a-b-c.";
        List<String> words = new ArrayList<>();
        Tokenizer.words(text, words::add);
        assertThat(words)
                .isEqualTo(Tokenizer.tokenize(text).stream()
                        .map(Tokenizer.Token::text)
                        .toList());
    }
}
