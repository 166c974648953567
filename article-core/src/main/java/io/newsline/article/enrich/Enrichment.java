package io.newsline.article.enrich;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link ArticleEnricher} derives from one article.
 *
 * @param language ISO 639-1 code ({@code en}, {@code fr}, ...) or {@code und} when unsure
 * @param wordCount words in the body paragraphs (headline and dek not counted)
 * @param entities named entities, most mentioned first
 * @param keywords key terms, best first, at most about ten
 * @param topics timeline topics, most salient first, at most ten by default (entities first)
 * @param summary the first one or two sentences of the body, at most about 300 characters; empty when
 *     the body is empty
 */
public record Enrichment(
        String language,
        int wordCount,
        List<NamedEntity> entities,
        List<KeyTerm> keywords,
        List<ArticleTopic> topics,
        String summary) {
    public Enrichment {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(summary, "summary");
        entities = List.copyOf(entities);
        keywords = List.copyOf(keywords);
        topics = List.copyOf(topics);
    }
}
