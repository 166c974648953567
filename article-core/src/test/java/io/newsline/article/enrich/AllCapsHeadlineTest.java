package io.newsline.article.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsline.article.parse.ArticleParts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A wire headline in capitals is read with the body's casing (text written for this test). */
class AllCapsHeadlineTest {
    private static final List<String> BODY = List.of(
            "Norwegian ferry operator Fjordline said on Tuesday that it would buy two electric ships from a yard in"
                    + " Bergen, the first of which should enter service next spring.",
            "The company said the ships would cost 40 mln crowns each.");

    private static Map<String, NamedEntity> entities(String title) {
        ArticleParts parts = new ArticleParts(title, null, List.of(), null, BODY, 0);
        return new RuleBasedEntityExtractor()
                .extract(ArticleText.of(parts)).stream()
                        .collect(Collectors.toMap(NamedEntity::id, Function.identity()));
    }

    @Test
    void theHeadlinesNamesCountAsMentionsAndItsWordsDoNotBecomeNames() {
        ArticleParts parts =
                new ArticleParts("FJORDLINE TO BUY TWO ELECTRIC SHIPS IN BERGEN", null, List.of(), null, BODY, 0);
        assertThat(parts.title()).isEqualTo("FJORDLINE TO BUY TWO ELECTRIC SHIPS IN BERGEN"); // kept as published
        assertThat(ArticleText.of(parts).title()).isEqualTo("Fjordline to buy two electric ships in Bergen");

        Map<String, NamedEntity> caps = entities("FJORDLINE TO BUY TWO ELECTRIC SHIPS IN BERGEN");
        Map<String, NamedEntity> mixed = entities("Fjordline to buy two electric ships in Bergen");

        assertThat(caps.keySet()).isEqualTo(mixed.keySet()).doesNotContain("electric-ships", "buy", "two");
        assertThat(caps.get("bergen").weight()).isEqualTo(mixed.get("bergen").weight());
        assertThat(caps.get("bergen").mentions()).isEqualTo(2); // body and headline
    }
}
