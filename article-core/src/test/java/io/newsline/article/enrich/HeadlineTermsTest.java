package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadlineTermsTest {
    @Test
    void theTermsOfALineAreItsDistinctFoldedWordsInOrderWithoutStopwordsOrNumbers() {
        assertThat(HeadlineTerms.of("Hostages freed as 3 hostage talks resume in Doha"))
                .containsExactly("hostage", "freed", "talk", "resume", "doha");
    }

    @Test
    void countsAddEachTermsOccurrencesToTheGivenMap() {
        Map<String, Integer> counts = new HashMap<>(Map.of("doha", 1));
        HeadlineTerms.counts("Talks in Doha: the talks go on in Doha", counts);
        assertThat(counts).containsOnly(Map.entry("talk", 2), Map.entry("doha", 3));
    }
}
