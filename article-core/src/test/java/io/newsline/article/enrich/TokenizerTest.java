package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void theTokenizerKeepsItsWords() {
        assertThat(Tokenizer.tokenize("Mr. al-Sisi's U.S. visit, don't re-run it: 3.5 cafés").stream()
                        .map(Tokenizer.Token::text))
                .containsExactly("Mr.", "al-Sisi", "U.S.", "visit", "don't", "re-run", "it", "3", "5", "cafés");
    }
}
