package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapitalsTest {
    @Test
    void allCapsNeedsEnoughCasedLettersAndNoLowerCase() {
        assertThat(Capitals.isAllCaps("BURNUP AND SIMS INC SELLS UNIT")).isTrue();
        assertThat(Capitals.isAllCaps("U.K. GDP RISES 0.5 PCT IN 1987")).isTrue();
        assertThat(Capitals.isAllCaps("ÉTÉ À PARIS")).isTrue();
        assertThat(Capitals.isAllCaps("US GDP")).isFalse(); // too few letters to tell
        assertThat(Capitals.isAllCaps("NASA picks landers")).isFalse();
        assertThat(Capitals.isAllCaps("東京 2025")).isFalse();
        assertThat(Capitals.isAllCaps(null)).isFalse();
    }

    @Test
    void anAllCapsHeadlineTakesTheBodysCasingOfItsWords() {
        List<String> body = List.of(
                "Harbour Lines Corp said on Tuesday it would sell its ferry unit to OPEC Shipping for 12 mln dlrs.",
                "Harbour Lines said the unit lost money last year.");

        assertThat(Capitals.truecase("HARBOUR LINES <HBL> TO SELL FERRY UNIT TO OPEC SHIPPING", body))
                .isEqualTo("Harbour Lines <hbl> to sell ferry unit to OPEC Shipping");
        // Mixed-case headlines are left alone.
        assertThat(Capitals.truecase("Harbour Lines to sell ferry unit", body))
                .isEqualTo("Harbour Lines to sell ferry unit");
    }
}
