package io.newsline.article.enrich;

import java.util.Objects;

/**
 * A timeline topic an article belongs to.
 *
 * @param id slug, the timeline key ({@code benjamin-netanyahu}, {@code israel}, {@code
 *     hostage-negotiation})
 * @param label human-readable name
 * @param kind what the topic is about
 * @param salience how central the topic is to the article, in [0, 1]
 */
public record ArticleTopic(String id, String label, ArticleTopicKind kind, double salience) {
    public ArticleTopic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (!(salience >= 0 && salience <= 1)) {
            throw new IllegalArgumentException("salience must be in [0, 1]: " + salience);
        }
    }
}
