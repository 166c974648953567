package io.newsline.article.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
