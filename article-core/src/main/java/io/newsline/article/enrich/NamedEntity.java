package io.newsline.article.enrich;

import java.util.Objects;

/**
 * A named entity found in one article.
 *
 * @param type what it is
 * @param name canonical name ({@code Benjamin Netanyahu}, {@code United States})
 * @param id slug of the canonical name ({@code benjamin-netanyahu}, {@code united-states}), see
 *     {@link Slugs}
 * @param mentions how many times it is mentioned in headline, dek and body together (surname-only
 *     mentions and demonyms such as {@code Israeli} count for the full entity)
 * @param weight position-weighted mentions: headline 3, dek 2, lead paragraph 1.5, other body
 *     paragraphs and sub-heads 1; a demonym mention counts half. {@link TopicSelector} turns it into
 *     salience
 */
public record NamedEntity(EntityKind type, String name, String id, int mentions, double weight) {
    public NamedEntity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
    }
}
