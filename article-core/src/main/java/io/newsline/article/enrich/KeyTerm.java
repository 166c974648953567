package io.newsline.article.enrich;

import java.util.Objects;

/**
 * A key term or phrase of an article.
 *
 * @param term lower-case, lightly normalised (English plurals folded): {@code hostage}, {@code
 *     military pressure}
 * @param score relative weight in [0, 1]; the best keyword of the article scores 1
 */
public record KeyTerm(String term, double score) {
    public KeyTerm {
        Objects.requireNonNull(term, "term");
    }
}
